package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What the broker says the account holds of one symbol. */
public record ReportedPosition(String symbol, BigDecimal quantity, @Nullable BigDecimal costBasis) {
  public ReportedPosition {
    Check.notBlank(symbol, "symbol");
    Check.required(quantity, "quantity");
  }
}

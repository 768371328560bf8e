package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import java.math.BigDecimal;

/** Take {@code quantity} shares of the sale from the lot {@code lotId}. */
public record LotAssignment(Long lotId, BigDecimal quantity) {
  public LotAssignment {
    Check.required(lotId, "lotId");
    Check.required(quantity, "quantity");
    Check.that(quantity.signum() > 0, "quantity", "must be positive");
  }
}

package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Params of {@code ledger.lots}. */
public record LotsParams(Long accountId, String symbol, @Nullable LocalDate asOf) {
  public LotsParams {
    Check.required(accountId, "accountId");
    Check.notBlank(symbol, "symbol");
  }
}

package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/** Params of {@code ledger.realized}: filters, all optional; {@code year} is the sale year. */
public record RealizedParams(
    @Nullable Long accountId, @Nullable Integer year, @Nullable String symbol) {
  public RealizedParams {
    if (year != null) {
      Check.range(year, 1900, 2200, "year");
    }
  }
}

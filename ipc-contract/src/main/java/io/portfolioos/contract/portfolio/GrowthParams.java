package io.portfolioos.contract.portfolio;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/** Params of {@code portfolio.growth}. */
public record GrowthParams(@Nullable Long accountId, @Nullable String currency) {
  public GrowthParams {
    Check.that(accountId == null || accountId > 0, "accountId", "must be positive");
    currency = Currency.check(currency);
  }

  /** The base currency: {@code currency}, or USD when absent. */
  public String base() {
    return Currency.orDefault(currency);
  }
}

package io.portfolioos.contract.portfolio;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Params of {@code portfolio.netWorth}: as of a day (default today), in a currency (USD). */
public record NetWorthParams(@Nullable LocalDate asOf, @Nullable String currency) {
  public NetWorthParams {
    currency = Currency.check(currency);
  }

  /** The base currency: {@code currency}, or USD when absent. */
  public String base() {
    return Currency.orDefault(currency);
  }
}

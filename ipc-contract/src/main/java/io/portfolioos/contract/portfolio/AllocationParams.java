package io.portfolioos.contract.portfolio;

import io.portfolioos.contract.Check;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Params of {@code portfolio.allocation}. */
public record AllocationParams(
    AllocationBy by, @Nullable LocalDate asOf, @Nullable String currency) {
  public AllocationParams {
    Check.required(by, "by");
    currency = Currency.check(currency);
  }

  /** The base currency: {@code currency}, or USD when absent. */
  public String base() {
    return Currency.orDefault(currency);
  }
}

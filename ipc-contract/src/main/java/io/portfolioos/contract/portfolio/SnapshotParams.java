package io.portfolioos.contract.portfolio;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Params of {@code portfolio.snapshot}: store each account's value on a day (default today). */
public record SnapshotParams(@Nullable LocalDate asOf, @Nullable String currency) {
  public SnapshotParams {
    currency = Currency.check(currency);
  }

  /** The base currency: {@code currency}, or USD when absent. */
  public String base() {
    return Currency.orDefault(currency);
  }
}

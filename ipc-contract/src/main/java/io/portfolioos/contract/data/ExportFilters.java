package io.portfolioos.contract.data;

import io.portfolioos.contract.Check;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Optional narrowing of an export: one account, one symbol, a date range (the transaction date, the
 * sale date of a realized gain, the acquisition date of a lot), all inclusive; a stored simulation
 * run ({@code runId}, export kind {@code simulation} only).
 */
public record ExportFilters(
    @Nullable Long accountId,
    @Nullable String symbol,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable Long runId) {
  public static final ExportFilters NONE = new ExportFilters(null, null, null, null, null);

  public ExportFilters {
    if (symbol != null) {
      Check.notBlank(symbol, "filters.symbol");
    }
    if (from != null && to != null) {
      Check.that(!to.isBefore(from), "filters.to", "must not be before filters.from");
    }
  }
}

package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Params of {@code ledger.transactions}: filters (all optional) and a page (default 1000). */
public record TransactionsParams(
    @Nullable Long accountId,
    @Nullable String symbol,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable TransactionType type,
    @Nullable Integer limit,
    @Nullable Integer offset) {
  public static final int MAX_LIMIT = 100_000;

  public TransactionsParams {
    limit = limit == null ? 1000 : (int) Check.range(limit, 1, MAX_LIMIT, "limit");
    offset = offset == null ? 0 : (int) Check.range(offset, 0, Integer.MAX_VALUE, "offset");
    if (from != null && to != null) {
      Check.that(!to.isBefore(from), "to", "must not be before from");
    }
  }
}

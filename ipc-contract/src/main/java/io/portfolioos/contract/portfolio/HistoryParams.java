package io.portfolioos.contract.portfolio;

import io.portfolioos.contract.Check;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Params of {@code portfolio.history} and {@code portfolio.performance}.
 *
 * @param from default: the first transaction
 * @param to default: today
 * @param accountId default: every account
 */
public record HistoryParams(
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable Long accountId,
    @Nullable String currency) {
  public HistoryParams {
    Check.that(from == null || to == null || !from.isAfter(to), "from", "must not be after to");
    Check.that(accountId == null || accountId > 0, "accountId", "must be positive");
    currency = Currency.check(currency);
  }

  /** The base currency: {@code currency}, or USD when absent. */
  public String base() {
    return Currency.orDefault(currency);
  }
}

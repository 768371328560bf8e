package io.portfolioos.sidecar.market;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One symbol's parsed chart response. Prices are in micro-units (value × 10^6, the scale of the
 * DECIMAL(18, 6) columns); {@link #NONE} marks a missing value.
 */
record Chart(
    @Nullable String currency,
    @Nullable String instrumentType,
    List<LocalDate> dates,
    long[] open,
    long[] high,
    long[] low,
    long[] close,
    long[] adjClose,
    long[] volume,
    List<Event> dividends,
    List<Event> splits) {

  static final long NONE = Long.MIN_VALUE;

  /**
   * A dividend ({@code amount} per share, {@code ratio} unused) or a split ({@code amount} new
   * shares for {@code ratio} old), amounts in micro-units.
   */
  record Event(LocalDate date, long amount, long ratio) {}

  int size() {
    return dates.size();
  }
}

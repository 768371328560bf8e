package io.portfolioos.sidecar.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A closed range of days, both ends included. */
record DateRange(LocalDate from, LocalDate to) {
  DateRange {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("empty range " + from + ".." + to);
    }
  }

  boolean contains(LocalDate d) {
    return !d.isBefore(from) && !d.isAfter(to);
  }

  /**
   * The parts of {@code wanted} that {@code covered} lacks. Coverage stays one contiguous range, so
   * a request before it is fetched up to its start (never leaving a hole) and one after it from its
   * end.
   */
  static List<DateRange> missing(DateRange wanted, @Nullable DateRange covered) {
    if (covered == null) {
      return List.of(wanted);
    }
    List<DateRange> parts = new ArrayList<>(2);
    if (wanted.from.isBefore(covered.from)) {
      parts.add(new DateRange(wanted.from, covered.from.minusDays(1)));
    }
    if (wanted.to.isAfter(covered.to)) {
      parts.add(new DateRange(covered.to.plusDays(1), wanted.to));
    }
    return parts;
  }

  /** Coverage after fetching {@code fetched}: the span of both (contiguous by construction). */
  static DateRange union(@Nullable DateRange covered, List<DateRange> fetched) {
    DateRange out = covered;
    for (DateRange f : fetched) {
      out =
          out == null
              ? f
              : new DateRange(
                  f.from.isBefore(out.from) ? f.from : out.from,
                  f.to.isAfter(out.to) ? f.to : out.to);
    }
    if (out == null) {
      throw new IllegalArgumentException("nothing covered");
    }
    return out;
  }
}

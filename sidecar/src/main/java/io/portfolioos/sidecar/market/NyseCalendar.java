package io.portfolioos.sidecar.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * NYSE trading days: weekdays except the exchange's holidays (NYSE Rule 7.2, with its weekend
 * rules: a Saturday holiday closes the Friday before, a Sunday one the Monday after, except New
 * Year's Day on a Saturday, which closes nothing) and the one-off closures since 2000.
 */
final class NyseCalendar {
  private NyseCalendar() {}

  private static final Set<LocalDate> SPECIAL_CLOSURES =
      Set.of(
          LocalDate.of(2001, 9, 11),
          LocalDate.of(2001, 9, 12),
          LocalDate.of(2001, 9, 13),
          LocalDate.of(2001, 9, 14),
          LocalDate.of(2004, 6, 11), // President Reagan's funeral
          LocalDate.of(2007, 1, 2), // President Ford's funeral
          LocalDate.of(2012, 10, 29), // Hurricane Sandy
          LocalDate.of(2012, 10, 30),
          LocalDate.of(2018, 12, 5), // President G. H. W. Bush's funeral
          LocalDate.of(2025, 1, 9)); // President Carter's funeral

  static boolean isTradingDay(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w != DayOfWeek.SATURDAY
        && w != DayOfWeek.SUNDAY
        && !SPECIAL_CLOSURES.contains(d)
        && !isHoliday(d);
  }

  static boolean isHoliday(LocalDate d) {
    int y = d.getYear();
    return d.equals(newYear(y))
        || (y >= 1998 && d.equals(nth(y, Month.JANUARY, DayOfWeek.MONDAY, 3)))
        || d.equals(nth(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3))
        || d.equals(easter(y).minusDays(2))
        || d.equals(
            LocalDate.of(y, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
        || (y >= 2022 && d.equals(observed(LocalDate.of(y, Month.JUNE, 19))))
        || d.equals(observed(LocalDate.of(y, Month.JULY, 4)))
        || d.equals(nth(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
        || d.equals(nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4))
        || d.equals(observed(LocalDate.of(y, Month.DECEMBER, 25)));
  }

  private static LocalDate newYear(int y) {
    LocalDate d = LocalDate.of(y, 1, 1);
    return d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
  }

  private static LocalDate observed(LocalDate d) {
    return switch (d.getDayOfWeek()) {
      case SATURDAY -> d.minusDays(1);
      case SUNDAY -> d.plusDays(1);
      default -> d;
    };
  }

  private static LocalDate nth(int y, Month m, DayOfWeek w, int n) {
    return LocalDate.of(y, m, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, w));
  }

  /** Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
  static LocalDate easter(int y) {
    int a = y % 19;
    int b = y / 100;
    int c = y % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(y, month, day);
  }
}

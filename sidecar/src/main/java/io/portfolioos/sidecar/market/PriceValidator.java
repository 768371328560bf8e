package io.portfolioos.sidecar.market;

import io.portfolioos.contract.market.MarketValidation;
import io.portfolioos.contract.market.OhlcProblem;
import io.portfolioos.contract.market.PriceBar;
import io.portfolioos.contract.market.PriceOutlier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a symbol's stored bars without changing them: missing trading days, outlying returns, and
 * OHLC integrity.
 */
final class PriceValidator {
  private PriceValidator() {}

  /**
   * A robust z-score above this flags a day. On daily equity returns (fat-tailed), 6 MADs keeps
   * genuine crash days mostly quiet and still catches a misplaced decimal point.
   */
  static final double OUTLIER_SCORE = 6.0;

  /** MAD × 1.4826 estimates the standard deviation of normal data. */
  private static final double MAD_TO_SIGMA = 1.4826;

  static MarketValidation validate(String symbol, List<PriceBar> bars) {
    if (bars.isEmpty()) {
      return new MarketValidation(symbol, 0, null, null, List.of(), List.of(), List.of());
    }
    LocalDate first = bars.getFirst().date();
    LocalDate last = bars.getLast().date();
    return new MarketValidation(
        symbol, bars.size(), first, last, gaps(bars, first, last), outliers(bars), ohlc(bars));
  }

  static List<LocalDate> gaps(List<PriceBar> bars, LocalDate first, LocalDate last) {
    Set<LocalDate> have = new HashSet<>();
    for (PriceBar b : bars) {
      have.add(b.date());
    }
    List<LocalDate> gaps = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (NyseCalendar.isTradingDay(d) && !have.contains(d)) {
        gaps.add(d);
      }
    }
    return gaps;
  }

  /** Log returns of the adjusted close (so splits and dividends are not jumps). */
  static List<PriceOutlier> outliers(List<PriceBar> bars) {
    int n = bars.size() - 1;
    if (n < 3) {
      return List.of();
    }
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = Math.log(price(bars.get(i + 1)) / price(bars.get(i)));
    }
    double median = median(r.clone());
    double[] dev = new double[n];
    for (int i = 0; i < n; i++) {
      dev[i] = Math.abs(r[i] - median);
    }
    double sigma = MAD_TO_SIGMA * median(dev);
    List<PriceOutlier> out = new ArrayList<>();
    if (!(sigma > 0)) {
      return out;
    }
    for (int i = 0; i < n; i++) {
      double score = Math.abs(r[i] - median) / sigma;
      if (score > OUTLIER_SCORE && Double.isFinite(r[i])) {
        out.add(new PriceOutlier(bars.get(i + 1).date(), r[i], score));
      }
    }
    return out;
  }

  private static double price(PriceBar b) {
    BigDecimal p = b.adjClose() != null ? b.adjClose() : b.close();
    return p.doubleValue();
  }

  private static double median(double[] v) {
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  static List<OhlcProblem> ohlc(List<PriceBar> bars) {
    List<OhlcProblem> out = new ArrayList<>();
    for (PriceBar b : bars) {
      List<String> problems = new ArrayList<>();
      BigDecimal low = b.low();
      BigDecimal high = b.high();
      if (low != null && high != null && low.compareTo(high) > 0) {
        problems.add("low " + plain(low) + " > high " + plain(high));
      }
      within(problems, "open", b.open(), low, high);
      within(problems, "close", b.close(), low, high);
      if (b.close().signum() <= 0) {
        problems.add("close " + plain(b.close()) + " ≤ 0");
      }
      if (b.volume() != null && b.volume() < 0) {
        problems.add("volume " + b.volume() + " < 0");
      }
      if (!problems.isEmpty()) {
        out.add(new OhlcProblem(b.date(), String.join("; ", problems)));
      }
    }
    return out;
  }

  private static void within(
      List<String> problems,
      String name,
      @Nullable BigDecimal v,
      @Nullable BigDecimal low,
      @Nullable BigDecimal high) {
    if (v == null) {
      return;
    }
    if (low != null && v.compareTo(low) < 0) {
      problems.add(name + " " + plain(v) + " < low " + plain(low));
    }
    if (high != null && v.compareTo(high) > 0) {
      problems.add(name + " " + plain(v) + " > high " + plain(high));
    }
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}

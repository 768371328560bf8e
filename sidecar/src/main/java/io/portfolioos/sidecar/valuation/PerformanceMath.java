package io.portfolioos.sidecar.valuation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Return statistics on a daily value series (doubles: these are statistics, not ledger money). */
final class PerformanceMath {
  private PerformanceMath() {}

  /** One day's close: value after the day's external flow, which arrived at its start. */
  record Day(LocalDate date, double value, double flow) {}

  /**
   * Daily returns with the day's external flow counted as arriving at the start of the day: r = V_t
   * / (V_{t−1} + F_t) − 1. A day that starts from nothing has no return (0).
   */
  static double[] dailyReturns(List<Day> days) {
    double[] r = new double[days.size()];
    for (int i = 1; i < days.size(); i++) {
      double base = days.get(i - 1).value() + days.get(i).flow();
      r[i] = base > 0 ? days.get(i).value() / base - 1 : 0;
    }
    return r;
  }

  /** Time-weighted return: the daily returns linked, Π(1 + r) − 1. */
  static double twr(double[] daily) {
    double growth = 1;
    for (double r : daily) {
      growth *= 1 + r;
    }
    return growth - 1;
  }

  /** {@code total} return over {@code days} calendar days as a yearly compounded rate. */
  static double annualize(double total, long days) {
    if (days <= 0) {
      return 0;
    }
    return Math.pow(1 + total, 365.0 / days) - 1;
  }

  /** Sample standard deviation of the weekday returns, × √252 (trading days per year). */
  static double volatility(List<Day> days, double[] daily) {
    int n = 0;
    double mean = 0;
    double m2 = 0;
    for (int i = 1; i < days.size(); i++) {
      DayOfWeek w = days.get(i).date().getDayOfWeek();
      if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) {
        continue;
      }
      n++;
      double delta = daily[i] - mean;
      mean += delta / n;
      m2 += delta * (daily[i] - mean);
    }
    return n < 2 ? 0 : Math.sqrt(m2 / (n - 1)) * Math.sqrt(252);
  }

  /**
   * The worst fall from a running peak of the wealth index built from {@code daily} (so deposits
   * never hide a loss and withdrawals never fake one).
   */
  record Drawdown(double depth, int peak, int trough) {}

  static Drawdown maxDrawdown(double[] daily) {
    double index = 1;
    double peak = 1;
    int peakAt = 0;
    Drawdown worst = new Drawdown(0, -1, -1);
    for (int i = 0; i < daily.length; i++) {
      index *= 1 + daily[i];
      if (index > peak) {
        peak = index;
        peakAt = i;
      }
      double dd = index / peak - 1;
      if (dd < worst.depth()) {
        worst = new Drawdown(dd, peakAt, i);
      }
    }
    return worst;
  }

  /** A dated cash flow from the investor's side: money put in is negative, money out positive. */
  record Flow(LocalDate date, double amount) {}

  /**
   * The annual rate r with Σ amount / (1 + r)^(days/365) = 0 (Excel's XIRR convention). Newton's
   * method from 10 %, falling back to bisection on [−0.9999, 100] when Newton leaves the domain or
   * stalls; absent when the flows do not change sign.
   */
  static @Nullable Double xirr(List<Flow> flows) {
    boolean in = false;
    boolean out = false;
    for (Flow f : flows) {
      in |= f.amount() < 0;
      out |= f.amount() > 0;
    }
    if (!in || !out) {
      return null;
    }
    LocalDate t0 = flows.getFirst().date();
    double r = 0.1;
    for (int i = 0; i < 50; i++) {
      double[] fd = npv(flows, t0, r);
      if (Math.abs(fd[0]) < 1e-9) {
        return r;
      }
      double next = r - fd[0] / fd[1];
      if (!Double.isFinite(next) || next <= -1) {
        break;
      }
      if (Math.abs(next - r) < 1e-12) {
        return next;
      }
      r = next;
    }
    double lo = -0.9999;
    double hi = 100;
    double flo = npv(flows, t0, lo)[0];
    if (flo * npv(flows, t0, hi)[0] > 0) {
      return null;
    }
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      double fm = npv(flows, t0, mid)[0];
      if (fm * flo > 0) {
        lo = mid;
        flo = fm;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** NPV at rate r and its derivative in r. */
  private static double[] npv(List<Flow> flows, LocalDate t0, double r) {
    double v = 0;
    double dv = 0;
    for (Flow f : flows) {
      double years = ChronoUnit.DAYS.between(t0, f.date()) / 365.0;
      double disc = Math.pow(1 + r, years);
      v += f.amount() / disc;
      dv -= years * f.amount() / (disc * (1 + r));
    }
    return new double[] {v, dv};
  }
}

package io.portfolioos.sidecar.simulation;

import io.portfolioos.contract.simulation.WithdrawalStrategy;

/**
 * Walks one portfolio through one sequence of annual returns under a {@link Plan}. Bookkeeping is
 * nominal: the portfolio earns the nominal blended return (rebalanced every year), pays {@code
 * fees} after growth, and each cash flow is today's money × the price index at the moment it
 * happens. The recorded values are divided by that index unless the plan is nominal.
 *
 * <p>A year with withdrawals at the start: cash flows (withdrawal, life events) → growth → fees. At
 * the end: growth → fees → cash flows. The portfolio is depleted when a year's cash flows take it
 * below zero; it then stays at zero (later income does not revive it).
 *
 * <p>Withdrawal rules:
 *
 * <ul>
 *   <li>constantDollar: {@code rate × initialPortfolio}, constant in today's money (so with
 *       end-of-year withdrawals the first one already carries that year's inflation, as in the
 *       Trinity study).
 *   <li>constantPercentage: {@code rate ×} the portfolio just before the withdrawal, kept between
 *       {@code floor} and {@code ceiling} (today's money).
 *   <li>guytonKlinger, after Guyton and Klinger (2006), "Decision Rules and Maximum Initial
 *       Withdrawal Rates": the first withdrawal is {@code rate × initialPortfolio}. Each later
 *       year: (1) withdrawal rule — last year's withdrawal is raised by the inflation since then,
 *       except when the portfolio's total return in the year before the withdrawal was negative and
 *       last year's withdrawal divided by the current portfolio exceeds the initial rate (no raise
 *       and no later catch-up); (2) capital-preservation rule — if the resulting withdrawal is more
 *       than {@code rate × (1 + guardrail)} of the current portfolio it is cut by {@code
 *       adjustment}, except in the last 15 years of the plan; (3) prosperity rule — if it is less
 *       than {@code rate × (1 − guardrail)} it is raised by {@code adjustment}. Deviations from the
 *       paper: the portfolio-management rule (which asset class funds the withdrawal) is replaced
 *       by annual rebalancing to the target allocation; no 6 % cap on an inflation raise; the
 *       "total return" is the blended nominal return before fees.
 * </ul>
 */
final class PathSimulator {
  private static final int GK_NO_CUTS_YEARS = 15;

  private final int years;
  private final double initial;
  private final double initialWithdrawal;
  private final double rate;
  private final double feeFactor;
  private final boolean atStart;
  private final boolean nominal;
  private final double[] flows;
  private final WithdrawalStrategy strategy;
  private final double upperRail;
  private final double floor;
  private final double ceiling;
  private final double adjustment;
  private final double lowerRail;

  PathSimulator(Plan plan) {
    this.floor = plan.floor();
    this.ceiling = plan.ceiling();
    this.adjustment = plan.adjustment();
    this.years = plan.years();
    this.initial = plan.initialPortfolio();
    this.rate = plan.rate();
    this.initialWithdrawal = plan.rate() * plan.initialPortfolio();
    this.feeFactor = 1 - plan.fees();
    this.atStart = plan.withdrawAtStart();
    this.nominal = plan.nominal();
    this.flows = plan.eventFlows().stream().mapToDouble(Double::doubleValue).toArray();
    this.strategy = plan.strategy();
    this.upperRail = rate * (1 + plan.guardrail());
    this.lowerRail = rate * (1 - plan.guardrail());
  }

  /** {@code growth[t] = (1 + returns[t]) / (1 + inflation[t])}. */
  static void realGrowth(double[] returns, double[] inflation, double[] growth) {
    for (int t = 0; t < growth.length; t++) {
      growth[t] = (1 + returns[t]) / (1 + inflation[t]);
    }
  }

  /**
   * Simulates one path and writes its {@code years + 1} values (start, then end of every year) to
   * {@code values[0..years][column]}.
   *
   * @param growth each year's real growth factor, {@code (1 + return)/(1 + inflation)}
   * @param returns the blended nominal portfolio return of each year
   * @param inflation each year's inflation
   * @return 0 when the money lasted, else the (1-based) year it ran out
   */
  int simulate(
      double[] growth, double[] returns, double[] inflation, double[][] values, int column) {
    double p = initial;
    double cpi = 1;
    double lastReturn = 0;
    double lastInflation = 0;
    double previous = 0;
    values[0][column] = initial;
    for (int t = 0; t < years; t++) {
      if (atStart) {
        double w = withdrawal(t, p, lastReturn, lastInflation, previous);
        previous = w;
        p = p - w + flows[t];
        if (p < 0) {
          return deplete(values, column, t);
        }
      }
      p *= growth[t] * feeFactor;
      lastReturn = returns[t];
      lastInflation = inflation[t];
      if (!atStart) {
        double w = withdrawal(t, p, lastReturn, lastInflation, previous);
        previous = w;
        p = p - w + flows[t];
        if (p < 0) {
          return deplete(values, column, t);
        }
      }
      if (nominal) {
        cpi *= 1 + lastInflation;
        values[t + 1][column] = p * cpi;
      } else {
        values[t + 1][column] = p;
      }
    }
    return 0;
  }

  private int deplete(double[][] values, int column, int t) {
    for (int y = t + 1; y <= years; y++) {
      values[y][column] = 0;
    }
    return t + 1;
  }

  /**
   * This year's withdrawal in today's money, {@code p} being the portfolio just before it and
   * {@code previous} last year's withdrawal (today's money at its time); {@code lastInflation} is
   * the inflation between the two withdrawals.
   */
  private double withdrawal(
      int t, double p, double lastReturn, double lastInflation, double previous) {
    return switch (strategy) {
      case constantDollar -> initialWithdrawal;
      case constantPercentage -> Math.max(floor, Math.min(rate * p, ceiling));
      case guytonKlinger ->
          t == 0 ? initialWithdrawal : guytonKlinger(t, p, lastReturn, lastInflation, previous);
    };
  }

  private double guytonKlinger(
      int t, double p, double lastReturn, double lastInflation, double previous) {
    // Nominal last withdrawal / nominal portfolio = previous / (p × (1 + inflation)).
    boolean freeze = lastReturn < 0 && previous > rate * p * (1 + lastInflation);
    double w = freeze ? previous / (1 + lastInflation) : previous;
    if (years - t > GK_NO_CUTS_YEARS && w > upperRail * p) {
      w *= 1 - adjustment;
    } else if (w < lowerRail * p) {
      w *= 1 + adjustment;
    }
    return w;
  }
}

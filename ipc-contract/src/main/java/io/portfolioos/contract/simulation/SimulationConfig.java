package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Monte Carlo plan, all amounts in today's money. Absent optional fields take their defaults
 * here, so a decoded config is complete: {@code trials} {@value #DEFAULT_TRIALS} (at most {@value
 * #MAX_TRIALS}), {@code seed} 42, no life events, no fees, withdrawals at the start of each year,
 * real (inflation-adjusted) output.
 *
 * @param years 1..{@value #MAX_YEARS}
 * @param fees yearly cost as a fraction of the portfolio, taken after growth (0.002 = 0.2 %)
 * @param nominal report values in nominal money instead of today's money
 */
public record SimulationConfig(
    Double initialPortfolio,
    Integer years,
    @Nullable Integer trials,
    @Nullable Long seed,
    SimulationAllocation allocation,
    SimulationReturns returns,
    WithdrawalConfig withdrawal,
    @Nullable List<SimulationLifeEvent> lifeEvents,
    @Nullable Double fees,
    @Nullable WithdrawalTiming withdrawalTiming,
    @Nullable Boolean nominal) {

  /** The trials cap: 1,000,000 × 50 years runs in about a second on two cores. */
  public static final int MAX_TRIALS = 1_000_000;

  public static final int MAX_YEARS = 100;
  public static final int DEFAULT_TRIALS = 10_000;

  public SimulationConfig {
    Check.that(
        Check.required(initialPortfolio, "initialPortfolio") > 0 && initialPortfolio < 1e15,
        "initialPortfolio",
        "must be positive");
    Check.range(Check.required(years, "years"), 1, MAX_YEARS, "years");
    trials = trials == null ? DEFAULT_TRIALS : trials;
    Check.range(trials, 1, MAX_TRIALS, "trials");
    seed = seed == null ? 42L : seed;
    Check.required(allocation, "allocation");
    Check.required(returns, "returns");
    Check.required(withdrawal, "withdrawal");
    lifeEvents = lifeEvents == null ? List.of() : lifeEvents;
    fees = fees == null ? 0.0 : fees;
    Check.range(fees, 0, 0.5, "fees");
    withdrawalTiming = withdrawalTiming == null ? WithdrawalTiming.start : withdrawalTiming;
    nominal = nominal != null && nominal;
    checkAllocation(allocation);
    checkLifeEvents(lifeEvents, years);
    lifeEvents = List.copyOf(lifeEvents);
  }

  static void checkAllocation(SimulationAllocation allocation) {
    Check.that(
        Math.abs(allocation.stocks() + allocation.bonds() - 1) < 1e-9,
        "allocation",
        "stocks and bonds must sum to 1");
  }

  static void checkLifeEvents(List<SimulationLifeEvent> events, int years) {
    for (int i = 0; i < events.size(); i++) {
      SimulationLifeEvent e = Check.required(events.get(i), "lifeEvents[" + i + "]");
      Check.that(e.year() <= years, "lifeEvents[" + i + "].year", "is after the last year");
      Check.that(
          e.untilYear() == null || e.untilYear() <= years,
          "lifeEvents[" + i + "].untilYear",
          "is after the last year");
    }
  }
}

package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/**
 * A cash flow in today's money at the time of {@code year}'s withdrawal (year 1 is the first year
 * of the plan). {@code expense} and {@code income} repeat every year through {@code untilYear}
 * (inclusive; default: only {@code year}); a {@code windfall} happens once.
 */
public record SimulationLifeEvent(
    Integer year, LifeEventType type, Double amount, @Nullable Integer untilYear) {

  public SimulationLifeEvent {
    Check.that(Check.required(year, "year") >= 1, "year", "must be at least 1");
    Check.required(type, "type");
    Check.that(Check.required(amount, "amount") >= 0, "amount", "must not be negative");
    if (untilYear != null) {
      Check.that(type != LifeEventType.windfall, "untilYear", "a windfall happens once");
      Check.that(untilYear >= year, "untilYear", "must not be before year");
    }
  }
}

package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/**
 * The withdrawal rule. {@code rate} is the initial withdrawal as a fraction of the initial
 * portfolio ({@code constantDollar}, {@code guytonKlinger}) or of the current portfolio ({@code
 * constantPercentage}). {@code floor} and {@code ceiling} (yearly amounts in today's money) only
 * apply to {@code constantPercentage}; {@code guardrail} (default 0.20) and {@code adjustment}
 * (default 0.10) only to {@code guytonKlinger}.
 */
public record WithdrawalConfig(
    WithdrawalStrategy strategy,
    Double rate,
    @Nullable Double floor,
    @Nullable Double ceiling,
    @Nullable Double guardrail,
    @Nullable Double adjustment) {

  public WithdrawalConfig {
    Check.required(strategy, "strategy");
    Check.range(Check.required(rate, "rate"), 0, 1, "rate");
    if (strategy == WithdrawalStrategy.constantPercentage) {
      if (floor != null) {
        Check.that(floor >= 0, "floor", "must not be negative");
      }
      if (ceiling != null) {
        Check.that(ceiling >= 0, "ceiling", "must not be negative");
        Check.that(floor == null || floor <= ceiling, "ceiling", "must not be below floor");
      }
    } else {
      Check.that(floor == null, "floor", "only applies to constantPercentage");
      Check.that(ceiling == null, "ceiling", "only applies to constantPercentage");
    }
    if (strategy == WithdrawalStrategy.guytonKlinger) {
      guardrail = guardrail == null ? 0.20 : guardrail;
      adjustment = adjustment == null ? 0.10 : adjustment;
      Check.range(guardrail, 0, 1, "guardrail");
      Check.range(adjustment, 0, 1, "adjustment");
    } else {
      Check.that(guardrail == null, "guardrail", "only applies to guytonKlinger");
      Check.that(adjustment == null, "adjustment", "only applies to guytonKlinger");
    }
  }
}

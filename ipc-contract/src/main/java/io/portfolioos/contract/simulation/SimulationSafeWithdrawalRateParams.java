package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;

/**
 * Params of {@code simulation.safeWithdrawalRate}: the highest {@code withdrawal.rate} whose
 * success rate is at least {@code targetSuccess} (0..1), by bisection on the same seeded scenarios.
 */
public record SimulationSafeWithdrawalRateParams(SimulationConfig config, Double targetSuccess) {
  public SimulationSafeWithdrawalRateParams {
    Check.required(config, "config");
    Check.range(Check.required(targetSuccess, "targetSuccess"), 0, 1, "targetSuccess");
  }
}

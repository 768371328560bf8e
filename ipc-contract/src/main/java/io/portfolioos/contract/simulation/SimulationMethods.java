package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.time.Duration;
import java.util.List;

/**
 * Retirement simulations: Monte Carlo, historical replay, sensitivity and safe withdrawal rate.
 * Every {@code simulation.run} is stored so it can be listed, exported and deleted later.
 */
public final class SimulationMethods {
  private SimulationMethods() {}

  public static final Method<SimulationRunParams, SimulationResult> RUN =
      Method.read(
          "simulation.run",
          SimulationRunParams.class,
          SimulationResult.class,
          Duration.ofMinutes(2),
          Owner.SIDECAR);

  public static final Method<SimulationHistoricalParams, SimulationHistoricalResult> HISTORICAL =
      Method.read(
          "simulation.historical",
          SimulationHistoricalParams.class,
          SimulationHistoricalResult.class,
          Duration.ofSeconds(30),
          Owner.SIDECAR);

  public static final Method<SimulationSensitivityParams, List<SimulationSensitivityPoint>>
      SENSITIVITY =
          Method.readList(
              "simulation.sensitivity",
              SimulationSensitivityParams.class,
              SimulationSensitivityPoint.class,
              Duration.ofMinutes(10),
              Owner.SIDECAR);

  public static final Method<SimulationSafeWithdrawalRateParams, SimulationSafeWithdrawalRate>
      SAFE_WITHDRAWAL_RATE =
          Method.read(
              "simulation.safeWithdrawalRate",
              SimulationSafeWithdrawalRateParams.class,
              SimulationSafeWithdrawalRate.class,
              Duration.ofMinutes(10),
              Owner.SIDECAR);

  public static final Method<SimulationRunsParams, List<SimulationRunSummary>> RUNS =
      Method.readList(
          "simulation.runs",
          SimulationRunsParams.class,
          SimulationRunSummary.class,
          Duration.ofSeconds(10),
          Owner.SIDECAR);

  public static final Method<SimulationDeleteRunParams, SimulationRunDeleted> DELETE_RUN =
      Method.write(
          "simulation.deleteRun",
          SimulationDeleteRunParams.class,
          SimulationRunDeleted.class,
          Duration.ofSeconds(10),
          Owner.SIDECAR);

  public static final List<Method<?, ?>> ALL =
      List.of(RUN, HISTORICAL, SENSITIVITY, SAFE_WITHDRAWAL_RATE, RUNS, DELETE_RUN);
}

package io.portfolioos.contract.simulation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a Monte Carlo run.
 *
 * @param successRate fraction of trials that never ran out of money
 * @param depletionYears {@code years} counts: how many trials ran out of money in year 1, 2, …
 * @param exactPercentiles false when the run was too large to keep every path and percentiles come
 *     from a histogram (relative error below 0.05 %)
 * @param runId the stored run ({@code simulation.runs}, export kind {@code simulation}); null only
 *     for runs made outside a request (benchmarks)
 */
public record SimulationResult(
    double successRate,
    SimulationPercentiles percentiles,
    double medianTerminal,
    List<Integer> depletionYears,
    int trials,
    int years,
    long elapsedMs,
    boolean exactPercentiles,
    @Nullable Long runId) {

  public SimulationResult withRunId(long id) {
    return new SimulationResult(
        successRate,
        percentiles,
        medianTerminal,
        depletionYears,
        trials,
        years,
        elapsedMs,
        exactPercentiles,
        id);
  }
}

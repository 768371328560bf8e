package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;

/** Params of {@code simulation.deleteRun}. */
public record SimulationDeleteRunParams(Long runId) {
  public SimulationDeleteRunParams {
    Check.required(runId, "runId");
  }
}

package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;

/** Params of {@code simulation.run}. */
public record SimulationRunParams(SimulationConfig config) {
  public SimulationRunParams {
    Check.required(config, "config");
  }
}

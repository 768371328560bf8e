package io.portfolioos.contract.simulation;

/** Result of {@code simulation.deleteRun}. */
public record SimulationRunDeleted(long runId) {}

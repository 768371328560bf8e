package io.portfolioos.contract.simulation;

import java.time.Instant;

/** One stored Monte Carlo run, as {@code simulation.runs} lists it. */
public record SimulationRunSummary(
    long runId,
    Instant createdAt,
    int trials,
    int years,
    double successRate,
    double medianTerminal,
    SimulationConfig config) {}

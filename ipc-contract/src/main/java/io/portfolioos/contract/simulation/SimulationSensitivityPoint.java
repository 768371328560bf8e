package io.portfolioos.contract.simulation;

/** The summary of one run of a sensitivity sweep; terminal values are those of the run's output. */
public record SimulationSensitivityPoint(
    double value,
    double successRate,
    double p10Terminal,
    double medianTerminal,
    double p90Terminal) {}

package io.portfolioos.contract.simulation;

import java.util.List;

/** Every rolling period of the window, oldest first, and the fraction that never ran out. */
public record SimulationHistoricalResult(
    double successRate, int from, int to, List<HistoricalPeriod> periods) {}

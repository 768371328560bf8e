package io.portfolioos.contract.simulation;

import java.util.List;

/**
 * Portfolio value by year at each percentile of the trials: {@code years + 1} values, the start of
 * the first year and then the end of every year.
 */
public record SimulationPercentiles(
    List<Double> p5,
    List<Double> p10,
    List<Double> p25,
    List<Double> p50,
    List<Double> p75,
    List<Double> p90,
    List<Double> p95) {}

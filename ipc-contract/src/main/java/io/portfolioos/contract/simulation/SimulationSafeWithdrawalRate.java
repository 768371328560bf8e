package io.portfolioos.contract.simulation;

/**
 * The highest rate found (to within 0.0001) and its success rate; {@code initialWithdrawal} is that
 * rate × the initial portfolio, per year in today's money.
 */
public record SimulationSafeWithdrawalRate(
    double rate, double successRate, double initialWithdrawal, int iterations) {}

package io.portfolioos.contract.simulation;

import org.jspecify.annotations.Nullable;

/**
 * One replayed period: the portfolio at its end (0 when depleted) and the calendar year in which
 * the money ran out, if it did.
 */
public record HistoricalPeriod(
    int startYear, boolean success, double terminal, @Nullable Integer depletedYear) {}

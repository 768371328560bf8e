package io.portfolioos.contract.portfolio;

import java.math.BigDecimal;

/**
 * One group's share of net worth.
 *
 * @param weight value / total, between 0 and 1 (negative for a group worth less than nothing)
 */
public record AllocationSlice(String key, String label, BigDecimal value, double weight) {}

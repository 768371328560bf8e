package io.portfolioos.contract.portfolio;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Net worth change over one period.
 *
 * @param period {@code 2024-05}, {@code 2024-Q2} or {@code 2024}
 * @param rate end / start − 1; absent when the period starts at zero
 */
public record GrowthPoint(
    String period, BigDecimal start, BigDecimal end, BigDecimal change, @Nullable Double rate) {}

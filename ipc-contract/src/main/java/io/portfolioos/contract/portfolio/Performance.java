package io.portfolioos.contract.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Performance over [{@code from}, {@code to}].
 *
 * @param twr time-weighted return, daily returns linked, external flows excluded
 * @param cagr the time-weighted return per year, compounded
 * @param xirr money-weighted return per year (XIRR of start value, flows, end value); absent when
 *     it has no solution
 * @param volatility standard deviation of daily returns on weekdays, × √252
 * @param maxDrawdown worst fall from a peak of the time-weighted index (≤ 0)
 * @param dividendIncome dividends received, reinvested ones included
 */
public record Performance(
    LocalDate from,
    LocalDate to,
    String currency,
    BigDecimal startValue,
    BigDecimal endValue,
    BigDecimal netFlows,
    double twr,
    double cagr,
    @Nullable Double xirr,
    double volatility,
    double maxDrawdown,
    @Nullable LocalDate maxDrawdownPeak,
    @Nullable LocalDate maxDrawdownTrough,
    BigDecimal dividendIncome) {}

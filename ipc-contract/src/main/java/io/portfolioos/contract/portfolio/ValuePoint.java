package io.portfolioos.contract.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The portfolio at one day's close, in the base currency.
 *
 * @param flow external money moved in (positive) or out (negative) that day: deposits, withdrawals
 *     and shares transferred, at market
 */
public record ValuePoint(
    LocalDate date, BigDecimal value, BigDecimal holdings, BigDecimal cash, BigDecimal flow) {}

package io.portfolioos.contract.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The price of one unit of the base currency in the quote currency at that day's close. */
public record FxRate(LocalDate date, BigDecimal rate) {}

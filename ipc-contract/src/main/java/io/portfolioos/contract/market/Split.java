package io.portfolioos.contract.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A split: {@code numerator} new shares for every {@code denominator} old ones (4:1 → 4, 1). */
public record Split(LocalDate date, BigDecimal numerator, BigDecimal denominator) {}

package io.portfolioos.contract.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A cash dividend per share, on its ex-date. */
public record Dividend(LocalDate date, BigDecimal amount) {}

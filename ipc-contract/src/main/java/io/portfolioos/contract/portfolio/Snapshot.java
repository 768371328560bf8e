package io.portfolioos.contract.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What {@code portfolio.snapshot} stored: one row per account (replacing that day's rows). */
public record Snapshot(LocalDate date, String currency, int accounts, BigDecimal total) {}

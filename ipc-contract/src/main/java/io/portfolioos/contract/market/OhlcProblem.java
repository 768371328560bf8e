package io.portfolioos.contract.market;

import java.time.LocalDate;

/** A bar that breaks OHLC integrity, e.g. {@code "low 10.5 > open 10.2"}. */
public record OhlcProblem(LocalDate date, String problem) {}

package io.portfolioos.contract.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One FRED observation; {@code value} is absent where FRED sends {@code "."} (no data). */
public record MacroObservation(LocalDate date, @Nullable BigDecimal value) {}

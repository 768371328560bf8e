package io.portfolioos.contract.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One trading day. {@code close} is always present (days Yahoo sends as {@code null} are not
 * stored); the rest may be missing where the source had no value.
 *
 * @param adjClose close adjusted for splits and dividends, as the source computes it
 */
public record PriceBar(
    LocalDate date,
    @Nullable BigDecimal open,
    @Nullable BigDecimal high,
    @Nullable BigDecimal low,
    BigDecimal close,
    @Nullable BigDecimal adjClose,
    @Nullable Long volume) {}

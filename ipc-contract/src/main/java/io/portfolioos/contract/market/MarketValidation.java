package io.portfolioos.contract.market;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code market.validate} found. Nothing is changed or dropped: the UI marks these.
 *
 * @param gaps trading days (NYSE calendar: weekdays that are not exchange holidays) with no bar,
 *     between the first and last stored bar
 */
public record MarketValidation(
    String symbol,
    int bars,
    @Nullable LocalDate first,
    @Nullable LocalDate last,
    List<LocalDate> gaps,
    List<PriceOutlier> outliers,
    List<OhlcProblem> ohlcProblems) {}

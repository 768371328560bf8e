package io.portfolioos.contract.market;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Params of {@code market.prices}, {@code market.dividends} and {@code market.splits}. */
public record MarketSeriesParams(String symbol, @Nullable LocalDate from, @Nullable LocalDate to) {
  public MarketSeriesParams {
    symbol = Symbols.ticker(symbol, "symbol");
    Symbols.range(from, to);
  }
}

package io.portfolioos.contract.market;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Params of {@code market.macro}. */
public record MarketMacroParams(String seriesId, @Nullable LocalDate from, @Nullable LocalDate to) {
  public MarketMacroParams {
    seriesId = Symbols.series(seriesId, "seriesId");
    Symbols.range(from, to);
  }
}

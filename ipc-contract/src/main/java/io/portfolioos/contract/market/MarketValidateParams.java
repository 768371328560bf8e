package io.portfolioos.contract.market;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Params of {@code market.validate}: checks the stored prices of one symbol. */
public record MarketValidateParams(
    String symbol, @Nullable LocalDate from, @Nullable LocalDate to) {
  public MarketValidateParams {
    symbol = Symbols.ticker(symbol, "symbol");
    Symbols.range(from, to);
  }
}

package io.portfolioos.contract.market;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Params of {@code market.fx}: the price of one {@code base} in {@code quote}. */
public record MarketFxParams(
    String base, String quote, @Nullable LocalDate from, @Nullable LocalDate to) {
  public MarketFxParams {
    Symbols.currency(base, "base");
    Symbols.currency(quote, "quote");
    io.portfolioos.contract.Check.that(!base.equals(quote), "quote", "must differ from base");
    Symbols.range(from, to);
  }
}

package io.portfolioos.contract.market;

import io.portfolioos.contract.Check;
import io.portfolioos.contract.portfolio.Currency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Params of {@code market.syncPrices}.
 *
 * @param symbols tickers to sync (FX pairs as {@code EURUSD=X}); absent: every symbol held, plus
 *     every symbol synced before
 * @param from absent: each symbol's first transaction (ten years back when there is none)
 * @param to absent: today
 * @param currency the base currency (the shell passes the one in preferences; USD when absent):
 *     without {@code symbols}, the FX pairs from every other currency held to it are synced too
 */
public record MarketSyncPricesParams(
    @Nullable List<String> symbols,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable String currency) {
  public MarketSyncPricesParams {
    Check.that(
        currency == null || Currency.isCode(currency),
        "currency",
        "must be a 3-letter ISO currency code");
    if (symbols != null) {
      Check.that(symbols.size() <= 5000, "symbols", "must hold at most 5000 symbols");
      List<String> clean = new ArrayList<>(symbols.size());
      for (int i = 0; i < symbols.size(); i++) {
        clean.add(Symbols.ticker(symbols.get(i), "symbols[" + i + "]"));
      }
      symbols = List.copyOf(new LinkedHashSet<>(clean));
    }
    Symbols.range(from, to);
  }

  public MarketSyncPricesParams(
      @Nullable List<String> symbols, @Nullable LocalDate from, @Nullable LocalDate to) {
    this(symbols, from, to, null);
  }
}

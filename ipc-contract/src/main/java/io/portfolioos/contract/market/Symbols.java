package io.portfolioos.contract.market;

import io.portfolioos.contract.Check;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Shared validation of market params: ticker and series syntax, date ranges. */
final class Symbols {
  private Symbols() {}

  /** Yahoo tickers: {@code AAPL}, {@code BRK-B}, {@code VOD.L}, {@code ^GSPC}, {@code EURUSD=X}. */
  private static final Pattern TICKER = Pattern.compile("[A-Za-z0-9^][A-Za-z0-9.\\-=^]{0,23}");

  /** FRED series ids: {@code CPIAUCSL}, {@code DGS10}, {@code T10Y2Y}. */
  private static final Pattern SERIES = Pattern.compile("[A-Za-z0-9_]{1,40}");

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  static String ticker(@Nullable String symbol, String field) {
    Check.notBlank(symbol, field);
    Check.that(TICKER.matcher(symbol).matches(), field, "is not a ticker symbol");
    return symbol.toUpperCase(java.util.Locale.ROOT);
  }

  static String series(@Nullable String id, String field) {
    Check.notBlank(id, field);
    Check.that(SERIES.matcher(id).matches(), field, "is not a FRED series id");
    return id.toUpperCase(java.util.Locale.ROOT);
  }

  static String currency(@Nullable String code, String field) {
    Check.notBlank(code, field);
    Check.that(CURRENCY.matcher(code).matches(), field, "must be a 3-letter ISO currency code");
    return code;
  }

  static void range(@Nullable LocalDate from, @Nullable LocalDate to) {
    Check.that(from == null || to == null || !from.isAfter(to), "from", "must not be after to");
  }
}

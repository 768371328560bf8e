package io.portfolioos.contract.portfolio;

import io.portfolioos.contract.Check;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The base currency of a valuation: the shell passes the one in preferences; USD otherwise. */
final class Currency {
  private Currency() {}

  static final String DEFAULT = "USD";

  private static final Pattern ISO = Pattern.compile("[A-Z]{3}");

  static String orDefault(@Nullable String code) {
    if (code == null) {
      return DEFAULT;
    }
    Check.that(ISO.matcher(code).matches(), "currency", "must be a 3-letter ISO currency code");
    return code;
  }
}

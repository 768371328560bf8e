package io.portfolioos.contract.portfolio;

import io.portfolioos.contract.Check;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The base currency of a valuation. Params keep {@code currency} null when the caller gave none, so
 * the shell can put in the one from preferences; the sidecar reads {@link #orDefault} (USD).
 */
public final class Currency {
  private Currency() {}

  public static final String DEFAULT = "USD";

  private static final Pattern ISO = Pattern.compile("[A-Z]{3}");

  /** {@code code} when it is a 3-letter ISO code, null when absent; INVALID_PARAMS otherwise. */
  static @Nullable String check(@Nullable String code) {
    Check.that(
        code == null || ISO.matcher(code).matches(),
        "currency",
        "must be a 3-letter ISO currency code");
    return code;
  }

  public static boolean isCode(String code) {
    return ISO.matcher(code).matches();
  }

  public static String orDefault(@Nullable String code) {
    return code == null ? DEFAULT : code;
  }
}

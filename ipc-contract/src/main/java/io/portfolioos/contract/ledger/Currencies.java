package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import java.util.Locale;
import java.util.regex.Pattern;

/** ISO 4217-shaped currency codes (three letters), upper-cased. */
final class Currencies {
  private Currencies() {}

  private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");

  static String check(String code, String field) {
    Check.that(CODE.matcher(code).matches(), field, "must be a three-letter currency code");
    return code.toUpperCase(Locale.ROOT);
  }
}

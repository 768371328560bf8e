package io.portfolioos.contract.settings;

import io.portfolioos.contract.Check;
import java.util.regex.Pattern;

/**
 * A preference's name: dotted camelCase such as {@code ui.theme}, at most 100 characters.
 *
 * @param key the preference's name
 */
public record SettingKey(String key) {
  private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*");

  public SettingKey {
    check(key, "key");
  }

  static void check(String key, String field) {
    Check.notBlank(key, field);
    Check.that(key.length() <= 100, field, "must be at most 100 characters");
    Check.that(
        KEY.matcher(key).matches(),
        field,
        "must be dotted camelCase letters and digits (ui.theme)");
  }
}

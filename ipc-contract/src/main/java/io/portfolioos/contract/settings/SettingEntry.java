package io.portfolioos.contract.settings;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/**
 * One preference. As {@code settings.set} params the value is required (at most 4096 characters);
 * as a result it is null when the preference was never set.
 */
public record SettingEntry(String key, @Nullable String value) {
  public static final int MAX_VALUE_LENGTH = 4096;

  public SettingEntry {
    SettingKey.check(key, "key");
    if (value != null) {
      Check.that(
          value.length() <= MAX_VALUE_LENGTH,
          "value",
          "must be at most " + MAX_VALUE_LENGTH + " characters");
    }
  }
}

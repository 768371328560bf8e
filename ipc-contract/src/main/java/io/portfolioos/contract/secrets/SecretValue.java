package io.portfolioos.contract.secrets;

import io.portfolioos.contract.Check;

/**
 * A secret to store. Validation messages never quote the value, and {@link #toString()} hides it so
 * a log line or an error that prints these params cannot leak it.
 *
 * @param value the key itself: not blank, at most 8192 characters, no line breaks
 */
public record SecretValue(String name, String value) {
  public static final int MAX_LENGTH = 8192;

  public SecretValue {
    SecretName.check(name);
    Check.notBlank(value, "value");
    Check.that(
        value.length() <= MAX_LENGTH, "value", "must be at most " + MAX_LENGTH + " characters");
    Check.that(
        value.indexOf('\n') < 0 && value.indexOf('\r') < 0, "value", "must be a single line");
  }

  @Override
  public String toString() {
    return "SecretValue[name=" + name + ", value=(hidden)]";
  }
}

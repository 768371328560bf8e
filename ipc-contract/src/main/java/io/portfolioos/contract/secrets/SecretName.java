package io.portfolioos.contract.secrets;

import io.portfolioos.contract.Check;
import java.util.regex.Pattern;

/**
 * A secret's name, e.g. {@code fred} or {@code llm.openai}: lowercase letters, digits, dots, dashes
 * and underscores, at most 64 characters.
 */
public record SecretName(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

  public SecretName {
    check(name);
  }

  static void check(String name) {
    Check.notBlank(name, "name");
    Check.that(
        NAME.matcher(name).matches(),
        "name",
        "must be lowercase letters, digits, '.', '-' or '_', starting with a letter, at most 64");
  }
}

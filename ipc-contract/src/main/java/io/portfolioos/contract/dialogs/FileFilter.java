package io.portfolioos.contract.dialogs;

import io.portfolioos.contract.Check;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of a save dialog's type list.
 *
 * @param name what the user reads, e.g. {@code CSV files}
 * @param extensions without the dot, e.g. {@code csv}
 */
public record FileFilter(String name, List<String> extensions) {
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");

  public FileFilter {
    Check.notBlank(name, "name");
    Check.that(name.length() <= 100, "name", "must be at most 100 characters");
    Check.required(extensions, "extensions");
    Check.that(!extensions.isEmpty(), "extensions", "must not be empty");
    for (int i = 0; i < extensions.size(); i++) {
      String e = extensions.get(i);
      Check.that(
          e != null && EXTENSION.matcher(e).matches(),
          "extensions[" + i + "]",
          "must be 1 to 10 letters or digits, without the dot");
    }
    extensions = List.copyOf(extensions);
  }
}

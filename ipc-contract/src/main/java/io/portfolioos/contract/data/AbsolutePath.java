package io.portfolioos.contract.data;

import io.portfolioos.contract.Check;
import io.portfolioos.contract.InvalidParamsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Files named in data.* params live on this machine and never depend on a working directory. */
final class AbsolutePath {
  private AbsolutePath() {}

  static String check(@Nullable String value, String field) {
    Check.notBlank(value, field);
    boolean absolute;
    try {
      absolute = Path.of(value).isAbsolute();
    } catch (InvalidPathException e) {
      throw new InvalidParamsException(field, "is not a valid path");
    }
    Check.that(absolute, field, "must be an absolute path");
    return value;
  }
}

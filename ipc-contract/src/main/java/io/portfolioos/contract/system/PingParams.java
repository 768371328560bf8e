package io.portfolioos.contract.system;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/** {@code echo} comes back unchanged in the pong, so a caller can match replies to requests. */
public record PingParams(@Nullable String echo) {
  public PingParams {
    if (echo != null) {
      Check.that(echo.length() <= 1024, "echo", "must be at most 1024 characters");
    }
  }

  public static final PingParams NONE = new PingParams(null);
}

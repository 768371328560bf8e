package io.portfolioos.contract;

import org.jspecify.annotations.Nullable;

/**
 * The params of a {@code $/progress} notification about the request with {@code id}.
 *
 * @param total 0 when unknown
 */
public record Progress(long id, long done, long total, @Nullable String message) {
  public static final String METHOD = "$/progress";
}

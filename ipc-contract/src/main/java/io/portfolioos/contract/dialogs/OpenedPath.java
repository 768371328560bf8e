package io.portfolioos.contract.dialogs;

import org.jspecify.annotations.Nullable;

/**
 * @param path the chosen file, or null when the user cancelled
 */
public record OpenedPath(@Nullable String path) {
  public static final OpenedPath CANCELLED = new OpenedPath(null);
}

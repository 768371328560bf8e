package io.portfolioos.contract.dialogs;

import org.jspecify.annotations.Nullable;

/**
 * @param path where to write, or null when the user cancelled
 * @param downloadUrl browser mode only: the same-origin URL that serves the file once written
 */
public record SavedPath(@Nullable String path, @Nullable String downloadUrl) {
  public static final SavedPath CANCELLED = new SavedPath(null, null);
}

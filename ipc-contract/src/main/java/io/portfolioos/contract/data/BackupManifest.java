package io.portfolioos.contract.data;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code manifest.json} inside a backup archive: who wrote it, the schema versions of both
 * databases, and the SHA-256 of every other entry. {@code appSchemaVersion} is null when the
 * archive holds no app state.
 */
public record BackupManifest(
    int format,
    String appVersion,
    String createdAt,
    int analyticsSchemaVersion,
    @Nullable Integer appSchemaVersion,
    List<BackupEntry> entries) {

  /** Bumped when the archive layout changes; a reader refuses a format it does not know. */
  public static final int FORMAT = 1;
}

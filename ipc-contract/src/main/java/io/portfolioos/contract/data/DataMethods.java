package io.portfolioos.contract.data;

import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.time.Duration;
import java.util.List;

/** Taking data out and bringing it back (see docs/export.md): exports, backup and restore. */
public final class DataMethods {
  private DataMethods() {}

  public static final Method<ExportParams, ExportResult> EXPORT =
      Method.read(
          "data.export",
          ExportParams.class,
          ExportResult.class,
          Duration.ofMinutes(10),
          Owner.SIDECAR);

  /**
   * A write so that it runs on the sidecar's single writer: no other write can change the database
   * while it is copied.
   */
  public static final Method<DataSnapshotParams, DataSnapshot> SNAPSHOT =
      Method.write(
          "data.snapshot",
          DataSnapshotParams.class,
          DataSnapshot.class,
          Duration.ofMinutes(10),
          Owner.SIDECAR);

  public static final Method<BackupParams, BackupResult> BACKUP =
      Method.write(
          "data.backup",
          BackupParams.class,
          BackupResult.class,
          Duration.ofMinutes(15),
          Owner.SHELL);

  public static final Method<RestoreParams, RestoreResult> RESTORE =
      Method.write(
          "data.restore",
          RestoreParams.class,
          RestoreResult.class,
          Duration.ofMinutes(15),
          Owner.SHELL);

  public static final List<Method<?, ?>> ALL = List.of(EXPORT, SNAPSHOT, BACKUP, RESTORE);
}

package io.portfolioos.shell.backup;

import io.portfolioos.contract.data.DataMethods;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.sidecar.SidecarClient;
import io.portfolioos.shell.state.AppState;
import java.nio.file.Path;

/**
 * Whole-app backup and restore (see docs/export.md). The one public entry of the package: binds the
 * shell's {@code data.backup} and {@code data.restore}.
 */
public final class BackupModule {
  private BackupModule() {}

  public static void register(
      IpcRouter router, Path dataDir, SidecarClient sidecar, AppState state) {
    Backups backups = new Backups(dataDir, sidecar, state);
    router.local(DataMethods.BACKUP, backups::backup).local(DataMethods.RESTORE, backups::restore);
  }
}

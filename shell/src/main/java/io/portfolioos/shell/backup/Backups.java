package io.portfolioos.shell.backup;

import io.portfolioos.contract.Contract;
import io.portfolioos.contract.Empty;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.InvalidParamsException;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.data.BackupEntry;
import io.portfolioos.contract.data.BackupManifest;
import io.portfolioos.contract.data.BackupParams;
import io.portfolioos.contract.data.BackupResult;
import io.portfolioos.contract.data.DataMethods;
import io.portfolioos.contract.data.DataSnapshot;
import io.portfolioos.contract.data.DataSnapshotParams;
import io.portfolioos.contract.data.RestoreParams;
import io.portfolioos.contract.data.RestoreResult;
import io.portfolioos.contract.system.SidecarInfo;
import io.portfolioos.contract.system.SystemMethods;
import io.portfolioos.shell.sidecar.SidecarClient;
import io.portfolioos.shell.sidecar.SidecarState;
import io.portfolioos.shell.state.AppState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code data.backup} and {@code data.restore}. A backup asks the sidecar for a consistent copy of
 * its database ({@code data.snapshot}, taken on its single writer), copies app.sqlite through
 * SQLite's backup API, and zips both with a manifest. Secrets stay in app.sqlite encrypted; the
 * master key lives in the OS keyring (or its fallback file outside app.sqlite) and is never read
 * here, so a restore on another machine asks for the keys again.
 *
 * <p>A restore checks the whole archive first, then stops the sidecar, moves the current database
 * aside, moves the restored one in, and starts the sidecar again (which migrates an older schema on
 * open). Only when the new sidecar answers is app.sqlite replaced (and migrated, when older) and
 * the old data deleted; any failure puts the old files back.
 */
final class Backups {
  private static final String ANALYTICS_WAL = Archive.ANALYTICS + ".wal";
  private static final long CALL_SECONDS = 600;

  private final Path dataDir;
  private final SidecarClient sidecar;
  private final AppState state;

  Backups(Path dataDir, SidecarClient sidecar, AppState state) {
    this.dataDir = dataDir;
    this.sidecar = sidecar;
    this.state = state;
  }

  BackupResult backup(BackupParams p) throws Exception {
    Path target = Path.of(p.path()).toAbsolutePath().normalize();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InvalidParamsException("path", "the folder " + dir + " does not exist");
    }
    Path staging = staging("backup");
    try {
      DataSnapshot snap =
          call(
              DataMethods.SNAPSHOT,
              new DataSnapshotParams(staging.resolve(Archive.ANALYTICS).toString()));
      List<Path> files = new ArrayList<>(List.of(Path.of(snap.path())));
      List<BackupEntry> entries =
          new ArrayList<>(List.of(new BackupEntry(Archive.ANALYTICS, snap.bytes(), snap.sha256())));
      Integer appSchema = null;
      Path live = dataDir.resolve(Archive.APP);
      if (Files.isRegularFile(live)) {
        Path copy = staging.resolve(Archive.APP);
        Sqlite.backup(live, copy);
        appSchema = Sqlite.userVersion(copy);
        files.add(copy);
        entries.add(entry(copy));
      }
      BackupManifest manifest =
          new BackupManifest(
              BackupManifest.FORMAT,
              Contract.VERSION,
              Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
              snap.schemaVersion(),
              appSchema,
              List.copyOf(entries));
      long bytes = Archive.write(target, manifest, files);
      return new BackupResult(target.toString(), bytes, manifest);
    } finally {
      deleteTree(staging);
    }
  }

  RestoreResult restore(RestoreParams p) throws Exception {
    Path archive = Path.of(p.path()).toAbsolutePath().normalize();
    if (!Files.isRegularFile(archive)) {
      throw new InvalidParamsException("path", "no such file");
    }
    Path staging = staging("restore");
    try {
      BackupManifest manifest = Archive.extract(archive, staging);
      int analyticsKnown = call(SystemMethods.INFO, Empty.INSTANCE).sidecar().schemaVersion();
      refuseNewer("database", manifest.analyticsSchemaVersion(), analyticsKnown, manifest);
      Path liveApp = dataDir.resolve(Archive.APP);
      Path stagedApp = staging.resolve(Archive.APP);
      boolean hasApp = Files.isRegularFile(stagedApp);
      if (hasApp && Files.isRegularFile(liveApp) && manifest.appSchemaVersion() != null) {
        refuseNewer(
            "app state", manifest.appSchemaVersion(), Sqlite.userVersion(liveApp), manifest);
      }
      Path aside = dataDir.resolve("restore-previous-" + UUID.randomUUID());
      Files.createDirectories(aside);
      int schema;
      try {
        swapAnalytics(staging.resolve(Archive.ANALYTICS), aside);
        schema = awaitSidecar().schemaVersion();
        if (hasApp) {
          if (Files.isRegularFile(liveApp)) {
            Sqlite.backup(liveApp, aside.resolve(Archive.APP));
          }
          Sqlite.restore(liveApp, stagedApp);
          state.reload();
        }
      } catch (Exception e) {
        rollBack(aside);
        throw e;
      }
      deleteTree(aside);
      return new RestoreResult(manifest, schema);
    } finally {
      deleteTree(staging);
    }
  }

  private static void refuseNewer(String what, int archived, int known, BackupManifest m) {
    if (archived > known) {
      throw new RpcException(
          ErrorCode.UNSUPPORTED,
          "this backup was made by a newer PortfolioOS ("
              + m.appVersion()
              + ", "
              + what
              + " schema "
              + archived
              + ") than this one ("
              + Contract.VERSION
              + ", schema "
              + known
              + "). Update PortfolioOS to restore it; your current data is unchanged.",
          "path");
    }
  }

  /** With no sidecar running: the current database (and WAL) aside, the restored one in. */
  private void swapAnalytics(Path restored, Path aside) throws Exception {
    sidecar.whileStopped(
        () -> {
          moveIfExists(dataDir.resolve(Archive.ANALYTICS), aside.resolve(Archive.ANALYTICS));
          moveIfExists(dataDir.resolve(ANALYTICS_WAL), aside.resolve(ANALYTICS_WAL));
          Files.move(restored, dataDir.resolve(Archive.ANALYTICS), StandardCopyOption.ATOMIC_MOVE);
          Archive.syncDirectory(dataDir);
          return null;
        });
  }

  /** Puts the aside files back (the restored database is dropped) and restarts on them. */
  private void rollBack(Path aside) throws Exception {
    sidecar.whileStopped(
        () -> {
          if (Files.exists(aside.resolve(Archive.ANALYTICS))) {
            Files.deleteIfExists(dataDir.resolve(ANALYTICS_WAL));
            Files.deleteIfExists(dataDir.resolve(Archive.ANALYTICS));
            moveIfExists(aside.resolve(Archive.ANALYTICS), dataDir.resolve(Archive.ANALYTICS));
            moveIfExists(aside.resolve(ANALYTICS_WAL), dataDir.resolve(ANALYTICS_WAL));
          }
          Archive.syncDirectory(dataDir);
          return null;
        });
    Path oldApp = aside.resolve(Archive.APP);
    if (Files.isRegularFile(oldApp)) {
      Sqlite.restore(dataDir.resolve(Archive.APP), oldApp);
      state.reload();
    }
    deleteTree(aside);
  }

  /** The restarted sidecar opened (and migrated) the restored database and answers. */
  private SidecarInfo awaitSidecar() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (sidecar.state() != SidecarState.RUNNING) {
      if (sidecar.state() == SidecarState.FAILED || System.nanoTime() > deadline) {
        throw new RpcException(
            ErrorCode.INTERNAL,
            "the restored database did not open: "
                + (sidecar.failure() == null ? "the engine did not start" : sidecar.failure())
                + "; your previous data was put back");
      }
      Thread.sleep(20);
    }
    SidecarInfo info = call(SystemMethods.INFO, Empty.INSTANCE).sidecar();
    if (info == null) {
      throw new RpcException(ErrorCode.INTERNAL, "the engine did not report on the restored data");
    }
    return info;
  }

  private <P, R> R call(io.portfolioos.contract.Method<P, R> method, P params) throws Exception {
    try {
      return sidecar.call(method, params).get(CALL_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static BackupEntry entry(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Sha256.Copied c = Sha256.copy(in, OutputStream.nullOutputStream());
      return new BackupEntry(file.getFileName().toString(), c.bytes(), c.sha256());
    }
  }

  private Path staging(String what) throws IOException {
    Path dir = dataDir.resolve("tmp").resolve(what + "-" + UUID.randomUUID());
    Files.createDirectories(dir);
    return dir;
  }

  private static void moveIfExists(Path from, Path to) throws IOException {
    if (Files.exists(from)) {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void deleteTree(@Nullable Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

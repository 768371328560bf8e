package io.portfolioos.sidecar.export;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.InvalidParamsException;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.data.DataSnapshot;
import io.portfolioos.contract.data.DataSnapshotParams;
import io.portfolioos.sidecar.db.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * {@code data.snapshot}: a consistent copy of {@code analytics.duckdb}. It runs as a write, on the
 * sidecar's single writer, so no write can start while it works: a CHECKPOINT moves every committed
 * change from the WAL into the main file, and nothing changes that file again until the copy is
 * done. Reads go on meanwhile; they never modify the file.
 */
final class Snapshotter {
  private static final int BUFFER = 1 << 20;

  private final Database db;
  private final Path dataDir;

  Snapshotter(Database db, Path dataDir) {
    this.db = db;
    this.dataDir = dataDir;
  }

  DataSnapshot snapshot(DataSnapshotParams p) {
    Path source = db.file();
    if (source.toString().equals(":memory:")) {
      throw new RpcException(ErrorCode.UNSUPPORTED, "an in-memory database has no file to copy");
    }
    Path path = Path.of(p.path());
    if (Files.exists(path)) {
      throw new InvalidParamsException("path", "already exists");
    }
    try {
      AtomicTarget target = AtomicTarget.prepare(path, dataDir, "path");
      try {
        return db.read(
            c -> {
              try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
              }
              String sha256 = copy(source, target.temp());
              long bytes = target.commit();
              return new DataSnapshot(
                  target.target().toString(), db.schemaVersion(), bytes, sha256);
            });
      } catch (RuntimeException e) {
        target.abandon();
        throw e;
      }
    } catch (IOException e) {
      throw new RpcException(ErrorCode.INTERNAL, "cannot copy the database: " + e, "path");
    }
  }

  /** Copies {@code from} to {@code to} and answers the SHA-256 of what it copied. */
  static String copy(Path from, Path to) throws IOException {
    MessageDigest sha = sha256();
    byte[] buf = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(from);
        OutputStream out =
            Files.newOutputStream(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
        out.write(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

package io.portfolioos.sidecar.export;

import io.portfolioos.contract.data.DataMethods;
import io.portfolioos.contract.data.ExportParams;
import io.portfolioos.contract.data.ExportResult;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.rpc.Handlers;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Data out of the engine (see docs/export.md): exports through DuckDB's own writers, and the
 * consistent database copy a backup is made of. The one public entry of the package.
 */
public final class ExportModule {
  private ExportModule() {}

  /** Binds {@code data.export} and {@code data.snapshot}; sweeps what a killed export left. */
  public static void register(Handlers handlers, Database db, Path dataDir) {
    try {
      AtomicTarget.sweep(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + dataDir.resolve(AtomicTarget.TMP_DIR), e);
    }
    Exporter exporter = new Exporter(db, dataDir);
    Snapshotter snapshotter = new Snapshotter(db, dataDir);
    handlers
        .on(DataMethods.EXPORT, exporter::export)
        .on(DataMethods.SNAPSHOT, (p, ctx) -> snapshotter.snapshot(p));
  }

  /** Runs one export as {@code data.export} does (tests, benchmarks). */
  public static ExportResult export(Database db, Path dataDir, ExportParams params) {
    return new Exporter(db, dataDir).export(params, RequestContext.NONE);
  }
}

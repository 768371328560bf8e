package io.portfolioos.sidecar.system;

import io.portfolioos.contract.Contract;
import io.portfolioos.contract.system.Pong;
import io.portfolioos.contract.system.SidecarInfo;
import io.portfolioos.contract.system.SystemInfo;
import io.portfolioos.contract.system.SystemMethods;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.rpc.Handlers;
import java.nio.file.Path;

/** {@code system.ping} and the sidecar's part of {@code system.info}. */
public final class SystemModule {
  private SystemModule() {}

  public static void register(Handlers handlers, Database db, Path dataDir, long startNanos) {
    long pid = ProcessHandle.current().pid();
    handlers.on(
        SystemMethods.PING,
        (params, ctx) ->
            new Pong(true, pid, Contract.VERSION, uptimeMs(startNanos), params.echo()));
    handlers.on(
        SystemMethods.INFO,
        (params, ctx) ->
            new SystemInfo(
                null,
                new SidecarInfo(
                    Contract.VERSION,
                    pid,
                    dataDir.toString(),
                    db.duckdbVersion(),
                    db.schemaVersion(),
                    Runtime.version().toString(),
                    uptimeMs(startNanos))));
  }

  private static long uptimeMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}

package io.portfolioos.sidecar;

import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.db.DatabaseException;
import io.portfolioos.sidecar.export.ExportModule;
import io.portfolioos.sidecar.ledger.LedgerModule;
import io.portfolioos.sidecar.market.MarketModule;
import io.portfolioos.sidecar.rpc.Handlers;
import io.portfolioos.sidecar.rpc.RpcServer;
import io.portfolioos.sidecar.simulation.SimulationModule;
import io.portfolioos.sidecar.system.SystemModule;
import io.portfolioos.sidecar.valuation.ValuationModule;
import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine process: {@code java -jar portfolioos-sidecar.jar --data-dir DIR [--max-line-bytes
 * N]}. Speaks JSON-RPC on stdin/stdout, logs to stderr, and exits with an {@link ExitCode}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    CompletableFuture<Void> warmed = RpcServer.warmUp();
    // stdout carries the protocol only: anything a library prints goes to stderr instead.
    FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
    System.setOut(
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    System.exit(run(args, start, warmed, protocolOut).code);
  }

  private static ExitCode run(
      String[] args, long start, CompletableFuture<Void> warmed, FileOutputStream protocolOut) {
    Path dataDir = null;
    int maxLineBytes = RpcServer.Config.DEFAULT_MAX_LINE_BYTES;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data-dir" -> dataDir = i + 1 < args.length ? Path.of(args[++i]) : null;
        case "--max-line-bytes" -> {
          try {
            maxLineBytes = Integer.parseInt(i + 1 < args.length ? args[++i] : "");
          } catch (NumberFormatException e) {
            return usage("--max-line-bytes needs a positive integer");
          }
        }
        default -> {
          return usage("unknown argument " + args[i]);
        }
      }
    }
    if (dataDir == null) {
      return usage("--data-dir DIR is required");
    }
    Optional<DataDirLock> lock;
    try {
      Files.createDirectories(dataDir);
      lock = DataDirLock.tryAcquire(dataDir);
    } catch (IOException e) {
      System.err.println("portfolioos-sidecar: cannot use data dir " + dataDir + ": " + e);
      return ExitCode.DATA_DIR_UNUSABLE;
    }
    if (lock.isEmpty()) {
      System.err.println(
          "portfolioos-sidecar: data dir "
              + dataDir.toAbsolutePath()
              + " is in use by another sidecar (pid "
              + DataDirLock.holder(dataDir)
              + "); exiting with code "
              + ExitCode.DATA_DIR_LOCKED.code);
      return ExitCode.DATA_DIR_LOCKED;
    }
    Database db = Database.openInBackground(dataDir.resolve("analytics.duckdb"), warmed);
    Handlers handlers = new Handlers();
    SystemModule.register(handlers, db, dataDir.toAbsolutePath(), start);
    SimulationModule.register(handlers, db);
    ExportModule.register(handlers, db, dataDir.toAbsolutePath());
    LedgerModule.register(handlers, db);
    MarketModule.register(handlers, db);
    ValuationModule.register(handlers, db);
    RpcServer.Config base = RpcServer.Config.defaults();
    RpcServer server =
        new RpcServer(
            handlers,
            new RpcServer.Config(
                maxLineBytes, base.readThreads(), base.maxInFlight(), base.inline()));
    Thread watchdog = Thread.ofPlatform().daemon().name("db-open-watch").start(() -> failFast(db));
    try {
      server.serve(
          new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16), protocolOut);
    } catch (IOException e) {
      System.err.println("portfolioos-sidecar: stdin failed: " + e);
    } finally {
      watchdog.interrupt();
      try {
        db.close();
      } catch (DatabaseException e) {
        System.err.println("portfolioos-sidecar: " + e.getMessage());
      }
      lock.get().release();
    }
    return ExitCode.OK;
  }

  /** A database that cannot open makes every call fail: exit so the shell reports why. */
  private static void failFast(Database db) {
    try {
      db.awaitOpen();
    } catch (DatabaseException e) {
      System.err.println("portfolioos-sidecar: " + e.getMessage());
      System.err.flush();
      Runtime.getRuntime().halt(ExitCode.DATABASE_FAILED.code);
    }
  }

  private static ExitCode usage(String problem) {
    System.err.println(
        "portfolioos-sidecar: "
            + problem
            + "\nusage: java -jar portfolioos-sidecar.jar --data-dir DIR [--max-line-bytes N]");
    return ExitCode.USAGE;
  }
}

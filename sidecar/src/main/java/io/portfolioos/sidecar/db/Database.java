package io.portfolioos.sidecar.db;

import io.portfolioos.contract.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.duckdb.DuckDBConnection;

/**
 * The sidecar's one DuckDB database ({@code analytics.duckdb}), migrated on open. Reads borrow a
 * pooled duplicate connection (they share the database instance and run concurrently); writes get
 * one transaction that commits when the work returns and rolls back when it throws, so a failed
 * write leaves the data exactly as it was.
 */
public final class Database implements AutoCloseable {
  private record Opened(DuckDBConnection root, int schemaVersion) {}

  private final Path file;
  private final CompletableFuture<Opened> opened;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
  private final List<Connection> all = new ArrayList<>();

  private Database(Path file, CompletableFuture<Opened> opened) {
    this.file = file;
    this.opened = opened;
  }

  /** Opens (creating if needed) and migrates the file; fails naming the file and migration. */
  public static Database open(Path file) {
    Database db = openInBackground(file);
    db.awaitOpen();
    return db;
  }

  /**
   * Starts opening and migrating on a background thread and returns at once, so the sidecar can
   * answer pings while DuckDB loads; every use waits for the open, and {@link #awaitOpen} reports
   * its failure.
   */
  public static Database openInBackground(Path file) {
    return openInBackground(file, CompletableFuture.completedFuture(null));
  }

  /**
   * As {@link #openInBackground(Path)}, but starts once {@code after} completes (either way): on
   * two cores, loading DuckDB beside the JSON warm-up slows the first answer more than it gains.
   */
  public static Database openInBackground(Path file, CompletableFuture<?> after) {
    String url = "jdbc:duckdb:" + file.toAbsolutePath();
    return new Database(file, after.handleAsync((r, e) -> connect(url, file), Database::daemon));
  }

  /** An in-memory database, migrated, for tests and benchmarks. */
  public static Database inMemory() {
    Path memory = Path.of(":memory:");
    return new Database(memory, CompletableFuture.completedFuture(connect("jdbc:duckdb:", memory)));
  }

  private static void daemon(Runnable r) {
    Thread.ofPlatform().name("duckdb-open").daemon().start(r);
  }

  private static Opened connect(String url, Path file) {
    DuckDBConnection root;
    try {
      root = (DuckDBConnection) DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new DatabaseException("cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      return new Opened(root, migrate(root, file));
    } catch (RuntimeException e) {
      closeQuietly(root);
      throw e;
    }
  }

  /** Waits until the database is open and migrated; throws what made it fail. */
  public void awaitOpen() {
    opened();
  }

  private Opened opened() {
    try {
      return opened.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof DatabaseException de) {
        throw de;
      }
      throw new DatabaseException("cannot open " + file + ": " + e.getCause(), e.getCause());
    }
  }

  private static int migrate(Connection c, Path file) {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
              + " resource VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)");
      int current = currentVersion(s);
      for (Migration m : Migrations.ALL) {
        if (m.version() <= current) {
          continue;
        }
        c.setAutoCommit(false);
        try (Statement ms = c.createStatement()) {
          ms.execute(script(m));
          ms.execute(
              "INSERT INTO schema_version (version, resource) VALUES ("
                  + m.version()
                  + ", '"
                  + m.resource()
                  + "')");
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw new DatabaseException(
              "migration " + m.resource() + " failed on " + file + ": " + e.getMessage(), e);
        } finally {
          c.setAutoCommit(true);
        }
        current = m.version();
      }
      return current;
    } catch (SQLException e) {
      throw new DatabaseException("cannot migrate " + file + ": " + e.getMessage(), e);
    }
  }

  private static int currentVersion(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String script(Migration m) {
    try (InputStream in = Database.class.getResourceAsStream("/db/migration/" + m.resource())) {
      if (in == null) {
        throw new IllegalStateException("migration resource missing: " + m.resource());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + m.resource(), e);
    }
  }

  public int schemaVersion() {
    return opened().schemaVersion();
  }

  public Path file() {
    return file;
  }

  public String duckdbVersion() {
    return read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
          }
        });
  }

  /** Runs read-only work on a pooled connection; concurrent reads each get their own. */
  public <T> T read(SqlWork<T> work) {
    Connection c = borrow();
    try {
      return work.apply(c);
    } catch (RpcException e) {
      throw e;
    } catch (Exception e) {
      throw new DatabaseException("read failed: " + e.getMessage(), e);
    } finally {
      idle.add(c);
    }
  }

  /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
  public <T> T write(SqlWork<T> work) {
    Connection c = borrow();
    try {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (Exception e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (RpcException e) {
      throw e;
    } catch (Exception e) {
      throw new DatabaseException("write failed: " + e.getMessage(), e);
    } finally {
      idle.add(c);
    }
  }

  private Connection borrow() {
    Connection c = idle.poll();
    if (c != null) {
      return c;
    }
    synchronized (all) {
      try {
        Connection dup = opened().root().duplicate();
        all.add(dup);
        return dup;
      } catch (SQLException e) {
        throw new DatabaseException("cannot open a connection to " + file, e);
      }
    }
  }

  /** Checkpoints and closes every connection; the file is consistent afterwards. */
  @Override
  public void close() {
    if (opened.isCompletedExceptionally()) {
      return;
    }
    DuckDBConnection root = opened().root();
    synchronized (all) {
      try (Statement s = root.createStatement()) {
        s.execute("CHECKPOINT");
      } catch (SQLException e) {
        // a failed checkpoint is replayed from the WAL on next open; closing matters more
      }
      all.forEach(Database::closeQuietly);
      closeQuietly(root);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // closing is best effort at shutdown
    }
  }
}

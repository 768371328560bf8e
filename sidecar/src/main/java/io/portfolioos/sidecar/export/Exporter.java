package io.portfolioos.sidecar.export;

import io.portfolioos.contract.Contract;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.data.ExportFilters;
import io.portfolioos.contract.data.ExportFormat;
import io.portfolioos.contract.data.ExportKind;
import io.portfolioos.contract.data.ExportParams;
import io.portfolioos.contract.data.ExportResult;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.db.SessionSetting;
import io.portfolioos.sidecar.ledger.LedgerModule;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * {@code data.export}: one DuckDB {@code COPY (query) TO} into a temporary file, renamed over the
 * target once complete. CSV gets a {@code #} header block (the generic importer skips such lines)
 * and neutralized text cells; JSON (an array of objects) and Parquet keep DuckDB's typed values.
 * The header and the rows are read in one transaction, so they describe the same data.
 */
final class Exporter {
  private static final long POLL_MILLIS = 100;

  private final Database db;
  private final Path dataDir;

  Exporter(Database db, Path dataDir) {
    this.db = db;
    this.dataDir = dataDir;
  }

  ExportResult export(ExportParams p, RequestContext ctx) {
    ExportQuery query = ExportQuery.of(p.kind(), p.filters());
    AtomicTarget target;
    try {
      target = AtomicTarget.prepare(Path.of(p.path()), dataDir, "path");
    } catch (IOException e) {
      throw new RpcException(ErrorCode.INTERNAL, "cannot prepare " + p.path() + ": " + e, "path");
    }
    try {
      ctx.progress(0, 1000, "reading " + p.kind());
      long rows =
          p.kind() == ExportKind.realized
              ? LedgerModule.readDisposals(
                  db, p.filters().accountId(), c -> copy(c, query, p, target.temp(), ctx))
              : db.read(c -> copy(c, query, p, target.temp(), ctx));
      ctx.checkCancelled();
      long bytes = target.commit();
      ctx.progress(1000, 1000, rows + " rows written");
      return new ExportResult(target.target().toString(), p.kind(), p.format(), rows, bytes);
    } catch (IOException e) {
      target.abandon();
      throw new RpcException(ErrorCode.INTERNAL, "cannot write " + p.path() + ": " + e, "path");
    } catch (RuntimeException e) {
      target.abandon();
      throw e;
    }
  }

  private long copy(Connection c, ExportQuery query, ExportParams p, Path temp, RequestContext ctx)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      // the progress the watcher reports, without DuckDB printing it; both reset afterwards, as
      // the connection goes back to the pool
      return SessionSetting.with(
          c,
          "enable_progress_bar",
          "true",
          () ->
              SessionSetting.with(
                  c,
                  "enable_progress_bar_print",
                  "false",
                  () -> copyWatched(c, query, p, temp, ctx)));
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  private long copyWatched(
      Connection c, ExportQuery query, ExportParams p, Path temp, RequestContext ctx)
      throws SQLException {
    String options =
        switch (p.format()) {
          case csv ->
              "FORMAT csv, HEADER false, PREFIX "
                  + ExportQuery.stringLiteral(csvHeader(c, query, p))
                  // DuckDB ends the last row with the suffix instead of a newline
                  + ", SUFFIX "
                  + ExportQuery.stringLiteral("\n");
          case json -> "FORMAT json, ARRAY true";
          case parquet -> "FORMAT parquet, COMPRESSION zstd";
        };
    String sql =
        "COPY ("
            + query.select(p.format() == ExportFormat.csv)
            + ") TO "
            + ExportQuery.stringLiteral(temp.toString())
            + " ("
            + options
            + ")";
    try (DuckDBPreparedStatement copy =
        c.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
      return runWatched(copy, ctx);
    }
  }

  /** Runs the COPY while a watcher reports its progress and cancels it when the caller asks. */
  private static long runWatched(DuckDBPreparedStatement copy, RequestContext ctx)
      throws SQLException {
    Thread watcher =
        Thread.ofVirtual()
            .name("export-watch")
            .start(
                () -> {
                  try {
                    while (!Thread.currentThread().isInterrupted()) {
                      Thread.sleep(POLL_MILLIS);
                      if (ctx.isCancelled()) {
                        copy.cancel();
                        return;
                      }
                      QueryProgress qp = copy.getQueryProgress();
                      if (qp.getPercentage() >= 0) {
                        long done = Math.min(999, Math.round(qp.getPercentage() * 10));
                        ctx.progress(done, 1000, "writing");
                      }
                    }
                  } catch (InterruptedException e) {
                    // the COPY finished
                  } catch (SQLException e) {
                    // the statement closed under us: the COPY finished
                  }
                });
    try {
      copy.execute();
      return copy.getUpdateCount();
    } catch (SQLException e) {
      ctx.checkCancelled();
      throw e;
    } finally {
      watcher.interrupt();
      try {
        watcher.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The {@code #} lines above the column header: what, when, which app, which accounts, which
   * dates. Then the column header itself (DuckDB cannot combine its own HEADER with a PREFIX).
   */
  private static String csvHeader(Connection c, ExportQuery query, ExportParams p)
      throws SQLException {
    long rows;
    String first;
    String last;
    List<Long> accountIds = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query.summary())) {
      rs.next();
      rows = rs.getLong(1);
      first = rs.getString(2);
      last = rs.getString(3);
      Array ids = rs.getArray(4); // NULL when there are no rows
      if (ids != null) {
        for (Object o : (Object[]) ids.getArray()) {
          accountIds.add(((Number) o).longValue());
        }
      }
    }
    ExportFilters f = p.filters();
    String from = f.from() != null ? f.from().toString() : first;
    String to = f.to() != null ? f.to().toString() : last;
    StringBuilder h = new StringBuilder();
    line(h, "PortfolioOS export: " + p.kind());
    line(h, "generated_at: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    line(h, "app_version: " + Contract.VERSION);
    if (query.accountColumn() != null) {
      line(h, "accounts: " + accounts(c, accountIds));
    }
    if (query.dateColumn() != null) {
      line(h, "date_range: " + (from == null ? "" : from) + ".." + (to == null ? "" : to));
    }
    if (f.symbol() != null) {
      line(h, "symbol: " + f.symbol().strip());
    }
    line(h, "rows: " + rows);
    h.append(String.join(",", query.columnNames(true))).append('\n');
    return h.toString();
  }

  private static String accounts(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return "none";
    }
    List<String> named = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT id, name FROM accounts WHERE id = ANY(?) ORDER BY id")) {
      s.setArray(1, c.createArrayOf("BIGINT", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          named.add(rs.getLong(1) + " " + rs.getString(2));
        }
      }
    }
    return String.join("; ", named);
  }

  /** One comment line; a line break inside a value would end the comment early. */
  private static void line(StringBuilder h, String text) {
    h.append("# ").append(text.replaceAll("[\\r\\n]+", " ")).append('\n');
  }
}

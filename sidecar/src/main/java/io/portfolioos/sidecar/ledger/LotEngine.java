package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.db.SqlWork;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Computes lots, disposals and positions from the transactions: one sorted streaming query, one
 * {@link LotBook} per (account, symbol) replayed in parallel, results appended back. Only the
 * groups a change touched are recomputed, inside the caller's write transaction, so an error (a
 * sale without shares) rolls the whole change back.
 *
 * <p>A recompute stores lots and positions (realized gain included) at once and leaves the disposal
 * pieces pending ({@code disposals_pending}): storing about one row per sale and lot it consumed
 * was most of a large recompute's time, and only a few readers need them. Those readers go through
 * {@link #readDisposals}, which replays the pending groups once more and stores their pieces first.
 */
final class LotEngine {
  /** The transaction types that change lots; the rest are cash and never reach a book. */
  static final String LOT_TYPES =
      "('BUY','SELL','REINVEST','SPLIT','TRANSFER_IN','TRANSFER_OUT','RETURN_OF_CAPITAL')";

  /** A replayed group. */
  record Group(long accountId, LotBook book) {}

  /**
   * Recomputes {@code symbols} of the account (all of them when null) and stores the result.
   *
   * @throws RpcException naming the line of the first transaction that cannot be applied
   */
  void recompute(Connection c, long accountId, @Nullable Collection<String> symbols)
      throws SQLException {
    String scope = " AND account_id = " + accountId;
    if (symbols != null) {
      if (symbols.isEmpty()) {
        return;
      }
      fillScope(c, symbols);
      scope += " AND symbol IN (SELECT symbol FROM ledger_scope)";
    }
    List<Group> groups = replay(c, scope, null, false);
    try (Statement s = c.createStatement()) {
      for (String table : List.of("lots", "disposal_pieces", "disposals_pending", "positions")) {
        s.execute("DELETE FROM " + table + " WHERE true" + scope);
      }
      s.execute(
          "DELETE FROM transaction_flags WHERE transaction_id IN (SELECT id FROM transactions"
              + " WHERE true"
              + scope
              + ")");
      if (symbols != null) {
        s.execute("DROP TABLE ledger_scope");
      }
    }
    store(c, groups);
  }

  /**
   * Runs {@code work}, a read of the {@code disposals} view within the account and symbol (null:
   * all), in one read transaction in which no group of that scope has its pieces pending: when one
   * has, a write stores them first. A recompute committed between the two makes a group pending
   * again, so that is retried; after a few tries the read runs inside the write.
   */
  <T> T readDisposals(
      Database db, @Nullable Long accountId, @Nullable String symbol, SqlWork<T> work) {
    String scope = pendingScope(accountId, symbol);
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<T> read =
          db.read(
              c -> {
                c.setAutoCommit(false);
                try {
                  return anyPending(c, scope) ? Optional.empty() : Optional.of(work.apply(c));
                } finally {
                  if (!c.getAutoCommit()) {
                    c.rollback();
                  }
                  c.setAutoCommit(true);
                }
              });
      if (read.isPresent()) {
        return read.get();
      }
      db.write(
          c -> {
            storePendingDisposals(c, scope);
            return scope;
          });
    }
    return db.write(
        c -> {
          storePendingDisposals(c, scope);
          return work.apply(c);
        });
  }

  /** Stores the pieces of the pending groups within the account and symbol (null: all). */
  void storePendingDisposals(Connection c, @Nullable Long accountId, @Nullable String symbol)
      throws SQLException {
    storePendingDisposals(c, pendingScope(accountId, symbol));
  }

  private void storePendingDisposals(Connection c, String scope) throws SQLException {
    if (!anyPending(c, scope)) {
      return;
    }
    String groups =
        " AND (account_id, symbol) IN (SELECT account_id, symbol FROM disposals_pending WHERE true"
            + scope
            + ")";
    List<Group> replayed = replay(c, groups, null, true);
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM disposal_pieces WHERE true" + groups);
      s.execute("DELETE FROM disposals_pending WHERE true" + scope);
    }
    try (DuckDBAppender disposals = appender(c, "disposal_pieces")) {
      for (Group g : replayed) {
        LotBook b = g.book();
        for (LotBook.Piece p : b.disposals()) {
          disposals
              .beginRow()
              .append(g.accountId())
              .append(b.symbol())
              .append(p.transactionId())
              .append(p.lotId())
              .appendEpochDays(p.acquiredDay())
              .appendEpochDays(p.soldDay())
              .appendDecimal(p.quantity())
              .appendDecimal(p.proceeds())
              .appendDecimal(p.basis())
              .endRow();
        }
      }
    }
  }

  private static String pendingScope(@Nullable Long accountId, @Nullable String symbol) {
    return (accountId == null ? "" : " AND account_id = " + accountId)
        + (symbol == null ? "" : " AND symbol = '" + symbol.replace("'", "''") + "'");
  }

  private static boolean anyPending(Connection c, String scope) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) > 0 FROM disposals_pending WHERE true" + scope)) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Replays the account's groups up to {@code asOf} without storing anything. */
  List<Group> replayAsOf(
      Connection c, @Nullable Long accountId, @Nullable String symbol, LocalDate asOf)
      throws SQLException {
    StringBuilder scope = new StringBuilder();
    List<Object> args = new ArrayList<>();
    if (accountId != null) {
      scope.append(" AND account_id = ?");
      args.add(accountId);
    }
    if (symbol != null) {
      scope.append(" AND symbol = ?");
      args.add(symbol);
    }
    scope.append(" AND date <= ?");
    args.add(asOf);
    return replay(c, scope.toString(), args, false);
  }

  private List<Group> replay(
      Connection c, String scope, @Nullable List<Object> args, boolean recordDisposals)
      throws SQLException {
    Map<Long, CostBasisMethod> methods = methods(c);
    Map<Long, List<LotBook.Assignment>> assignments = assignments(c);
    Object[] results;
    try (EventReader.Batch batch = EventReader.read(c, scope, args)) {
      List<EventReader.Events> groups = batch.groups;
      results = new Object[groups.size()];
      IntStream.range(0, groups.size())
          .parallel()
          .forEach(
              i -> {
                EventReader.Events g = groups.get(i);
                LotBook book =
                    new LotBook(
                        g.symbol,
                        methods.getOrDefault(g.accountId, CostBasisMethod.FIFO),
                        assignments,
                        recordDisposals);
                try {
                  Event e = null;
                  for (int j = 0; j < g.size(); j++) {
                    e = g.get(j, e);
                    book.apply(e);
                  }
                  results[i] = new Group(g.accountId, book);
                } catch (RpcException e) {
                  results[i] = e;
                }
              });
    }
    List<Group> replayed = new ArrayList<>(results.length);
    for (Object r : results) {
      if (r instanceof RpcException e) {
        throw e;
      }
      replayed.add((Group) r);
    }
    return replayed;
  }

  private static void fillScope(Connection c, Collection<String> symbols) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE ledger_scope (symbol VARCHAR)");
    }
    try (DuckDBAppender a = appender(c, "ledger_scope")) {
      for (String symbol : symbols) {
        a.beginRow().append(symbol).endRow();
      }
    }
  }

  private static void store(Connection c, List<Group> groups) throws SQLException {
    try (DuckDBAppender lots = appender(c, "lots");
        DuckDBAppender pending = appender(c, "disposals_pending");
        DuckDBAppender positions = appender(c, "positions");
        DuckDBAppender flags = appender(c, "transaction_flags")) {
      for (Group g : groups) {
        LotBook b = g.book();
        List<LotBook.OpenLot> open = b.result();
        for (LotBook.OpenLot l : open) {
          lots.beginRow()
              .append(g.accountId())
              .append(b.symbol())
              .append(l.lotId)
              .appendEpochDays(l.acquiredDay)
              .appendDecimal(l.quantity)
              .appendDecimal(l.remaining)
              .appendDecimal(l.basis)
              .endRow();
        }
        pending.beginRow().append(g.accountId()).append(b.symbol()).endRow();
        for (LotBook.Flag f : b.flags()) {
          flags.beginRow().append(f.transactionId()).append(f.flag()).endRow();
        }
        positions
            .beginRow()
            .append(g.accountId())
            .append(b.symbol())
            .appendDecimal(b.position())
            .appendDecimal(b.basis())
            .appendDecimal(b.realized())
            .append(open.size())
            .endRow();
      }
    }
  }

  private static DuckDBAppender appender(Connection c, String table) throws SQLException {
    return c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
  }

  private static Map<Long, CostBasisMethod> methods(Connection c) throws SQLException {
    Map<Long, CostBasisMethod> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, cost_basis_method FROM accounts")) {
      while (rs.next()) {
        out.put(rs.getLong(1), CostBasisMethod.valueOf(rs.getString(2)));
      }
    }
    return out;
  }

  private static Map<Long, List<LotBook.Assignment>> assignments(Connection c) throws SQLException {
    Map<Long, List<LotBook.Assignment>> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT transaction_id, lot_id, CAST(CAST(quantity AS DECIMAL(38, 8)) * 100000000 AS BIGINT)"
                    + " FROM lot_assignments ORDER BY transaction_id, lot_id")) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
            .add(new LotBook.Assignment(rs.getLong(2), rs.getLong(3)));
      }
    }
    return out;
  }
}

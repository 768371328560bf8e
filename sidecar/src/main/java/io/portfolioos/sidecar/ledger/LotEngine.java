package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.CostBasisMethod;
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
import java.util.stream.IntStream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Computes lots, disposals and positions from the transactions: one sorted streaming query, one
 * {@link LotBook} per (account, symbol) replayed in parallel, results appended back. Only the
 * groups a change touched are recomputed, inside the caller's write transaction, so an error (a
 * sale without shares) rolls the whole change back.
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
    List<Group> groups = replay(c, scope, null, true);
    try (Statement s = c.createStatement()) {
      for (String table : List.of("lots", "disposal_pieces", "positions")) {
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
    List<EventReader.Events> groups = EventReader.read(c, scope, args);
    Object[] results = new Object[groups.size()];
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
                for (int j = 0; j < g.size(); j++) {
                  book.apply(g.get(j));
                }
                results[i] = new Group(g.accountId, book);
              } catch (RpcException e) {
                results[i] = e;
              }
            });
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
        DuckDBAppender disposals = appender(c, "disposal_pieces");
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

package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.Discrepancy;
import io.portfolioos.contract.ledger.Disposal;
import io.portfolioos.contract.ledger.Holding;
import io.portfolioos.contract.ledger.HoldingsParams;
import io.portfolioos.contract.ledger.Lot;
import io.portfolioos.contract.ledger.LotsParams;
import io.portfolioos.contract.ledger.RealizedParams;
import io.portfolioos.contract.ledger.ReconcileParams;
import io.portfolioos.contract.ledger.ReconcileResult;
import io.portfolioos.contract.ledger.ReportedPosition;
import io.portfolioos.contract.ledger.Term;
import io.portfolioos.contract.ledger.Transaction;
import io.portfolioos.contract.ledger.TransactionType;
import io.portfolioos.contract.ledger.TransactionsParams;
import io.portfolioos.sidecar.db.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's reads. Holdings, lots and realized gains read what the lot engine materialized; a
 * past {@code asOf} replays the ledger up to that date instead.
 */
final class Queries {
  private final Database db;
  private final LotEngine engine;

  Queries(Database db, LotEngine engine) {
    this.db = db;
    this.engine = engine;
  }

  List<Transaction> transactions(TransactionsParams p) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (p.accountId() != null) {
      where.append(" AND t.account_id = ?");
      args.add(p.accountId());
    }
    if (p.symbol() != null) {
      where.append(" AND t.symbol = ?");
      args.add(p.symbol().strip().toUpperCase(Locale.ROOT));
    }
    if (p.from() != null) {
      where.append(" AND t.date >= ?");
      args.add(p.from());
    }
    if (p.to() != null) {
      where.append(" AND t.date <= ?");
      args.add(p.to());
    }
    if (p.type() != null) {
      where.append(" AND t.type = ?");
      args.add(p.type().name());
    }
    String sql =
        "SELECT t.id, t.account_id, t.batch_id, t.line, t.date, t.type, t.symbol, t.quantity,"
            + " t.price, t.fees, t.amount, t.currency,"
            + " t.split_to, t.split_from, t.acquired, t.description,"
            + " (SELECT string_agg(flag, ',') FROM transaction_flags f"
            + " WHERE f.transaction_id = t.id)"
            + " FROM transactions t"
            + where
            + " ORDER BY t.date, t.id LIMIT "
            + p.limit()
            + " OFFSET "
            + p.offset();
    return db.read(
        c -> {
          List<Transaction> out = new ArrayList<>();
          try (PreparedStatement s = prepare(c, sql, args);
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              long batch = rs.getLong(3);
              Long batchId = rs.wasNull() ? null : batch;
              out.add(
                  new Transaction(
                      rs.getLong(1),
                      rs.getLong(2),
                      batchId,
                      rs.getLong(4),
                      rs.getObject(5, LocalDate.class),
                      TransactionType.valueOf(rs.getString(6)),
                      rs.getString(7),
                      rs.getBigDecimal(8),
                      rs.getBigDecimal(9),
                      rs.getBigDecimal(10),
                      rs.getBigDecimal(11),
                      rs.getString(12),
                      ratio(rs.getBigDecimal(13), rs.getBigDecimal(14)),
                      rs.getObject(15, LocalDate.class),
                      rs.getString(16),
                      rs.getString(17)));
            }
          }
          return out;
        });
  }

  private static @Nullable String ratio(@Nullable BigDecimal to, @Nullable BigDecimal from) {
    return to == null || from == null
        ? null
        : to.stripTrailingZeros().toPlainString() + ":" + from.stripTrailingZeros().toPlainString();
  }

  List<Holding> holdings(HoldingsParams p) {
    if (p.asOf() != null && p.asOf().isBefore(LocalDate.now())) {
      return db.read(
          c -> {
            List<Holding> out = new ArrayList<>();
            for (LotEngine.Group g : engine.replayAsOf(c, p.accountId(), null, p.asOf())) {
              LotBook b = g.book();
              if (b.position() != 0) {
                out.add(
                    holding(
                        g.accountId(),
                        b.symbol(),
                        Fixed.qty(b.position()),
                        Fixed.money(b.basis()),
                        Fixed.money(b.realized()),
                        b.result().size()));
              }
            }
            return out;
          });
    }
    String sql =
        "SELECT account_id, symbol, quantity, cost_basis, realized_gain, open_lots FROM positions"
            + " WHERE quantity <> 0"
            + (p.accountId() == null ? "" : " AND account_id = ?")
            + " ORDER BY account_id, symbol";
    return db.read(
        c -> {
          List<Holding> out = new ArrayList<>();
          try (PreparedStatement s =
              prepare(c, sql, p.accountId() == null ? List.of() : List.of(p.accountId()))) {
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(
                    holding(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getInt(6)));
              }
            }
          }
          return out;
        });
  }

  private static Holding holding(
      long accountId,
      String symbol,
      BigDecimal quantity,
      BigDecimal basis,
      BigDecimal realized,
      int openLots) {
    return new Holding(
        accountId, symbol, quantity, basis, perShare(basis, quantity), realized, openLots);
  }

  /** Per-share cost to 8 decimals; the basis itself stays exact. */
  static BigDecimal perShare(BigDecimal basis, BigDecimal quantity) {
    return quantity.signum() == 0
        ? BigDecimal.ZERO
        : basis.divide(quantity, 8, RoundingMode.HALF_EVEN);
  }

  List<Lot> lots(LotsParams p) {
    String symbol = p.symbol().strip().toUpperCase(Locale.ROOT);
    return db.read(
        c -> {
          Accounts.require(c, p.accountId());
          List<Lot> out = new ArrayList<>();
          if (p.asOf() != null && p.asOf().isBefore(LocalDate.now())) {
            for (LotEngine.Group g : engine.replayAsOf(c, p.accountId(), symbol, p.asOf())) {
              for (LotBook.OpenLot l : g.book().result()) {
                out.add(
                    lot(
                        l.lotId,
                        LocalDate.ofEpochDay(l.acquiredDay),
                        Fixed.qty(l.quantity),
                        Fixed.qty(l.remaining),
                        Fixed.money(l.basis)));
              }
            }
            return out;
          }
          try (PreparedStatement s =
                  prepare(
                      c,
                      "SELECT lot_id, acquired, quantity, remaining, cost_basis FROM lots"
                          + " WHERE account_id = ? AND symbol = ? ORDER BY acquired, lot_id",
                      List.of(p.accountId(), symbol));
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              out.add(
                  lot(
                      rs.getLong(1),
                      rs.getObject(2, LocalDate.class),
                      rs.getBigDecimal(3),
                      rs.getBigDecimal(4),
                      rs.getBigDecimal(5)));
            }
          }
          return out;
        });
  }

  private static Lot lot(
      long id, LocalDate acquired, BigDecimal quantity, BigDecimal remaining, BigDecimal basis) {
    return new Lot(id, acquired, quantity, remaining, perShare(basis, remaining), basis);
  }

  List<Disposal> realized(RealizedParams p) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (p.accountId() != null) {
      where.append(" AND account_id = ?");
      args.add(p.accountId());
    }
    if (p.year() != null) {
      where.append(" AND year(sold) = ?");
      args.add(p.year());
    }
    String symbol = p.symbol() == null ? null : p.symbol().strip().toUpperCase(Locale.ROOT);
    if (symbol != null) {
      where.append(" AND symbol = ?");
      args.add(symbol);
    }
    String sql =
        "SELECT account_id, symbol, transaction_id, lot_id, acquired, sold, quantity, proceeds,"
            + " cost_basis, gain, term FROM disposals"
            + where
            + " ORDER BY sold, transaction_id, acquired, lot_id";
    return engine.readDisposals(db, p.accountId(), symbol, c -> disposals(c, sql, args));
  }

  static List<Disposal> disposals(Connection c, String sql, List<Object> args) throws SQLException {
    List<Disposal> out = new ArrayList<>();
    try (PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Disposal(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                rs.getBigDecimal(7),
                rs.getBigDecimal(8),
                rs.getBigDecimal(9),
                rs.getBigDecimal(10),
                Term.valueOf(rs.getString(11))));
      }
    }
    return out;
  }

  /** Symbols whose quantity differs, or whose basis differs when the broker reported one. */
  ReconcileResult reconcile(ReconcileParams p) {
    return db.read(
        c -> {
          Accounts.require(c, p.accountId());
          Map<String, BigDecimal[]> computed = new TreeMap<>();
          try (PreparedStatement s =
                  prepare(
                      c,
                      "SELECT symbol, quantity, cost_basis FROM positions"
                          + " WHERE account_id = ? AND quantity <> 0",
                      List.of(p.accountId()));
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              computed.put(
                  rs.getString(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
            }
          }
          Map<String, ReportedPosition> reported = new TreeMap<>();
          for (ReportedPosition r : p.reported()) {
            String symbol = r.symbol().strip().toUpperCase(Locale.ROOT);
            if (reported.putIfAbsent(symbol, r) != null) {
              throw new RpcException(
                  ErrorCode.INVALID_PARAMS, "reported: " + symbol + " is listed twice", "reported");
            }
          }
          List<Discrepancy> out = new ArrayList<>();
          TreeMap<String, Boolean> symbols = new TreeMap<>();
          computed.keySet().forEach(k -> symbols.put(k, true));
          reported.keySet().forEach(k -> symbols.put(k, true));
          for (String symbol : symbols.keySet()) {
            BigDecimal[] mine =
                computed.getOrDefault(symbol, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            ReportedPosition theirs = reported.get(symbol);
            BigDecimal theirQty = theirs == null ? BigDecimal.ZERO : theirs.quantity();
            BigDecimal theirBasis = theirs == null ? null : theirs.costBasis();
            // compared at the precision the broker reports (a statement shows cents, we keep more)
            boolean differs =
                theirs == null
                    ? mine[0].signum() != 0
                    : atScaleOf(mine[0], theirQty).compareTo(theirQty) != 0
                        || (theirBasis != null
                            && atScaleOf(mine[1], theirBasis).compareTo(theirBasis) != 0);
            if (differs) {
              out.add(new Discrepancy(symbol, mine[0], theirQty, mine[1], theirBasis));
            }
          }
          return new ReconcileResult(out);
        });
  }

  private static BigDecimal atScaleOf(BigDecimal mine, BigDecimal theirs) {
    return mine.setScale(Math.max(theirs.scale(), 0), RoundingMode.HALF_EVEN);
  }

  static PreparedStatement prepare(Connection c, String sql, List<Object> args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.size(); i++) {
      s.setObject(i + 1, args.get(i));
    }
    return s;
  }
}

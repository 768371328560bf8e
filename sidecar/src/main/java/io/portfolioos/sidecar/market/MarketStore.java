package io.portfolioos.sidecar.market;

import io.portfolioos.contract.market.Dividend;
import io.portfolioos.contract.market.FxRate;
import io.portfolioos.contract.market.MacroObservation;
import io.portfolioos.contract.market.MarketSyncState;
import io.portfolioos.contract.market.PriceBar;
import io.portfolioos.contract.market.SourceKind;
import io.portfolioos.contract.market.Split;
import io.portfolioos.contract.market.SyncStatus;
import io.portfolioos.sidecar.db.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The market tables. Writes stage rows through DuckDB's appender into temp tables, then replace
 * each key's fetched ranges in one statement per table, all inside the caller's transaction.
 */
final class MarketStore {
  private final Database db;

  MarketStore(Database db) {
    this.db = db;
  }

  private static final String STAGING =
      """
      CREATE TEMP TABLE IF NOT EXISTS stage_ranges (key VARCHAR, lo DATE, hi DATE);
      CREATE TEMP TABLE IF NOT EXISTS stage_prices (symbol VARCHAR, date DATE,
        open DECIMAL(18, 6), high DECIMAL(18, 6), low DECIMAL(18, 6), close DECIMAL(18, 6),
        adj_close DECIMAL(18, 6), volume BIGINT);
      CREATE TEMP TABLE IF NOT EXISTS stage_dividends (symbol VARCHAR, date DATE,
        amount DECIMAL(18, 6));
      CREATE TEMP TABLE IF NOT EXISTS stage_splits (symbol VARCHAR, date DATE,
        numerator DECIMAL(18, 6), denominator DECIMAL(18, 6));
      CREATE TEMP TABLE IF NOT EXISTS stage_macro (series_id VARCHAR, date DATE,
        value DECIMAL(28, 8));
      CREATE TEMP TABLE IF NOT EXISTS stage_state (source VARCHAR, key VARCHAR,
        covered_from DATE, covered_to DATE, currency VARCHAR, instrument_type VARCHAR,
        last_status VARCHAR, last_error VARCHAR);
      DELETE FROM stage_state; DELETE FROM stage_ranges; DELETE FROM stage_prices; DELETE FROM stage_dividends;
      DELETE FROM stage_splits; DELETE FROM stage_macro;
      """;

  private static final String REPLACE_PRICES =
      """
      DELETE FROM prices USING stage_ranges r
        WHERE prices.symbol = r.key AND prices.date BETWEEN r.lo AND r.hi;
      DELETE FROM dividends USING stage_ranges r
        WHERE dividends.symbol = r.key AND dividends.date BETWEEN r.lo AND r.hi;
      DELETE FROM splits USING stage_ranges r
        WHERE splits.symbol = r.key AND splits.date BETWEEN r.lo AND r.hi;
      INSERT INTO prices SELECT * FROM stage_prices;
      INSERT INTO dividends SELECT * FROM stage_dividends;
      INSERT INTO splits SELECT * FROM stage_splits;
      """;

  private static final String REPLACE_MACRO =
      """
      DELETE FROM macro_observations USING stage_ranges r
        WHERE macro_observations.series_id = r.key AND macro_observations.date BETWEEN r.lo AND r.hi;
      INSERT INTO macro_observations SELECT * FROM stage_macro;
      """;

  /** Coverage already held per key of one source. */
  Map<String, DateRange> coverage(SourceKind source) {
    return db.read(
        c -> {
          Map<String, DateRange> out = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT key, covered_from, covered_to FROM market_sync"
                      + " WHERE source = ? AND covered_from IS NOT NULL")) {
            ps.setString(1, source.name());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(
                    rs.getString(1),
                    new DateRange(
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
              }
            }
          }
          return out;
        });
  }

  /** Writes a batch of chart outcomes in one transaction. */
  void writeCharts(List<SyncRunner.Outcome<List<Chart>>> batch, Instant now, LocalDate lastDay) {
    db.write(
        c -> {
          DuckDBConnection d = c.unwrap(DuckDBConnection.class);
          exec(c, STAGING);
          try (DuckDBAppender ranges = d.createAppender("temp", "main", "stage_ranges");
              DuckDBAppender prices = d.createAppender("temp", "main", "stage_prices");
              DuckDBAppender dividends = d.createAppender("temp", "main", "stage_dividends");
              DuckDBAppender splits = d.createAppender("temp", "main", "stage_splits")) {
            for (SyncRunner.Outcome<List<Chart>> o : batch) {
              List<Chart> charts = o.data();
              if (charts == null) {
                continue;
              }
              String symbol = o.job().key();
              for (DateRange r : o.job().missing()) {
                ranges.beginRow().append(symbol).append(r.from()).append(r.to()).endRow();
              }
              for (Chart ch : charts) {
                appendChart(symbol, ch, prices, dividends, splits);
              }
            }
          }
          exec(c, REPLACE_PRICES);
          try (DuckDBAppender state = d.createAppender("temp", "main", "stage_state")) {
            for (SyncRunner.Outcome<List<Chart>> o : batch) {
              String currency = null;
              String type = null;
              if (o.data() != null) {
                for (Chart ch : o.data()) {
                  currency = currency == null ? ch.currency() : currency;
                  type = type == null ? ch.instrumentType() : type;
                }
              }
              appendState(state, SourceKind.yahoo, o, currency, type, lastDay);
            }
          }
          upsertState(c, now);
          return null;
        });
  }

  private static void appendChart(
      String symbol,
      Chart ch,
      DuckDBAppender prices,
      DuckDBAppender dividends,
      DuckDBAppender splits)
      throws SQLException {
    for (int i = 0; i < ch.size(); i++) {
      prices.beginRow().append(symbol).append(ch.dates().get(i));
      decimal(prices, ch.open()[i]);
      decimal(prices, ch.high()[i]);
      decimal(prices, ch.low()[i]);
      decimal(prices, ch.close()[i]);
      decimal(prices, ch.adjClose()[i]);
      if (ch.volume()[i] == Chart.NONE) {
        prices.appendNull();
      } else {
        prices.append(ch.volume()[i]);
      }
      prices.endRow();
    }
    for (Chart.Event e : ch.dividends()) {
      dividends.beginRow().append(symbol).append(e.date()).appendDecimal(e.amount()).endRow();
    }
    for (Chart.Event e : ch.splits()) {
      splits
          .beginRow()
          .append(symbol)
          .append(e.date())
          .appendDecimal(e.amount())
          .appendDecimal(e.ratio())
          .endRow();
    }
  }

  private static void decimal(DuckDBAppender a, long micros) throws SQLException {
    if (micros == Chart.NONE) {
      a.appendNull();
    } else {
      a.appendDecimal(micros);
    }
  }

  /** Writes a batch of FRED outcomes in one transaction. */
  void writeMacro(
      List<SyncRunner.Outcome<List<FredClient.Observation>>> batch,
      Instant now,
      LocalDate lastDay) {
    db.write(
        c -> {
          DuckDBConnection d = c.unwrap(DuckDBConnection.class);
          exec(c, STAGING);
          try (DuckDBAppender ranges = d.createAppender("temp", "main", "stage_ranges");
              DuckDBAppender macro = d.createAppender("temp", "main", "stage_macro")) {
            for (SyncRunner.Outcome<List<FredClient.Observation>> o : batch) {
              if (o.data() == null) {
                continue;
              }
              String id = o.job().key();
              for (DateRange r : o.job().missing()) {
                ranges.beginRow().append(id).append(r.from()).append(r.to()).endRow();
              }
              for (FredClient.Observation ob : o.data()) {
                macro.beginRow().append(id).append(ob.date());
                if (ob.value() == null) {
                  macro.appendNull();
                } else {
                  macro.append(ob.value().setScale(8, RoundingMode.HALF_UP));
                }
                macro.endRow();
              }
            }
          }
          exec(c, REPLACE_MACRO);
          try (DuckDBAppender state = d.createAppender("temp", "main", "stage_state")) {
            for (SyncRunner.Outcome<List<FredClient.Observation>> o : batch) {
              appendState(state, SourceKind.fred, o, null, null, lastDay);
            }
          }
          upsertState(c, now);
          return null;
        });
  }

  /**
   * One statement for the whole batch (the keys were appended to stage_state). A failed key keeps
   * its coverage; only its status changes.
   */
  private static final String UPSERT_STATE =
      """
      INSERT INTO market_sync AS m
      SELECT source, key, covered_from, covered_to, currency, instrument_type,
             CAST(? AS TIMESTAMP), last_status, last_error FROM stage_state
      ON CONFLICT (source, key) DO UPDATE SET
        covered_from = coalesce(excluded.covered_from, m.covered_from),
        covered_to = coalesce(excluded.covered_to, m.covered_to),
        currency = coalesce(excluded.currency, m.currency),
        instrument_type = coalesce(excluded.instrument_type, m.instrument_type),
        last_sync_at = excluded.last_sync_at,
        last_status = excluded.last_status,
        last_error = excluded.last_error
      """;

  /**
   * Coverage never extends past {@code lastDay} (yesterday): today's bar is still moving, so the
   * next sync fetches it again.
   */
  private static void appendState(
      DuckDBAppender state,
      SourceKind source,
      SyncRunner.Outcome<?> o,
      @Nullable String currency,
      @Nullable String instrumentType,
      LocalDate lastDay)
      throws SQLException {
    DateRange cover = null;
    if (o.status() == SyncStatus.ok) {
      DateRange all = DateRange.union(o.job().covered(), o.job().missing());
      LocalDate to = all.to().isAfter(lastDay) ? lastDay : all.to();
      cover = to.isBefore(all.from()) ? o.job().covered() : new DateRange(all.from(), to);
    }
    state.beginRow().append(source.name()).append(o.job().key());
    if (cover == null) {
      state.appendNull().appendNull();
    } else {
      state.append(cover.from()).append(cover.to());
    }
    nullable(state, currency);
    nullable(state, instrumentType);
    state.append(o.status().name());
    nullable(state, o.reason());
    state.endRow();
  }

  private static void nullable(DuckDBAppender a, @Nullable String value) throws SQLException {
    if (value == null) {
      a.appendNull();
    } else {
      a.append(value);
    }
  }

  private static void upsertState(Connection c, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_STATE)) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  List<PriceBar> prices(String symbol, @Nullable LocalDate from, @Nullable LocalDate to) {
    return series(
        "SELECT date, open, high, low, close, adj_close, volume FROM prices"
            + " WHERE symbol = ? AND date BETWEEN ? AND ? ORDER BY date",
        symbol,
        from,
        to,
        rs -> {
          long v = rs.getLong(7);
          return new PriceBar(
              rs.getObject(1, LocalDate.class),
              rs.getBigDecimal(2),
              rs.getBigDecimal(3),
              rs.getBigDecimal(4),
              rs.getBigDecimal(5),
              rs.getBigDecimal(6),
              rs.wasNull() ? null : v);
        });
  }

  List<Dividend> dividends(String symbol, @Nullable LocalDate from, @Nullable LocalDate to) {
    return series(
        "SELECT date, amount FROM dividends WHERE symbol = ? AND date BETWEEN ? AND ?"
            + " ORDER BY date",
        symbol,
        from,
        to,
        rs -> new Dividend(rs.getObject(1, LocalDate.class), strip(rs.getBigDecimal(2))));
  }

  List<Split> splits(String symbol, @Nullable LocalDate from, @Nullable LocalDate to) {
    return series(
        "SELECT date, numerator, denominator FROM splits"
            + " WHERE symbol = ? AND date BETWEEN ? AND ? ORDER BY date",
        symbol,
        from,
        to,
        rs ->
            new Split(
                rs.getObject(1, LocalDate.class),
                strip(rs.getBigDecimal(2)),
                strip(rs.getBigDecimal(3))));
  }

  /** A pair's rate from {@code BASEQUOTE=X}, else the inverse of {@code QUOTEBASE=X}. */
  List<FxRate> fx(String base, String quote, @Nullable LocalDate from, @Nullable LocalDate to) {
    List<FxRate> direct = fxFrom(base + quote + "=X", false, from, to);
    return direct.isEmpty() ? fxFrom(quote + base + "=X", true, from, to) : direct;
  }

  private List<FxRate> fxFrom(
      String symbol, boolean invert, @Nullable LocalDate from, @Nullable LocalDate to) {
    return series(
        "SELECT date, close FROM prices WHERE symbol = ? AND date BETWEEN ? AND ?"
            + " AND close > 0 ORDER BY date",
        symbol,
        from,
        to,
        rs -> {
          BigDecimal close = rs.getBigDecimal(2);
          BigDecimal rate = invert ? BigDecimal.ONE.divide(close, 10, RoundingMode.HALF_UP) : close;
          return new FxRate(rs.getObject(1, LocalDate.class), strip(rate));
        });
  }

  List<MacroObservation> macro(String seriesId, @Nullable LocalDate from, @Nullable LocalDate to) {
    return series(
        "SELECT date, value FROM macro_observations"
            + " WHERE series_id = ? AND date BETWEEN ? AND ? ORDER BY date",
        seriesId,
        from,
        to,
        rs -> {
          BigDecimal v = rs.getBigDecimal(2);
          return new MacroObservation(
              rs.getObject(1, LocalDate.class), v == null ? null : strip(v));
        });
  }

  List<MarketSyncState> syncState() {
    return db.read(
        c -> {
          List<MarketSyncState> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT source, key, covered_from, covered_to, last_sync_at, last_status,"
                          + " last_error FROM market_sync ORDER BY source, key")) {
            while (rs.next()) {
              out.add(
                  new MarketSyncState(
                      SourceKind.valueOf(rs.getString(1)),
                      rs.getString(2),
                      rs.getObject(3, LocalDate.class),
                      rs.getObject(4, LocalDate.class),
                      rs.getTimestamp(5).toInstant(),
                      SyncStatus.valueOf(rs.getString(6)),
                      rs.getString(7)));
            }
          }
          return out;
        });
  }

  /**
   * The default set of {@code market.syncPrices}: every symbol in the ledger with its first
   * transaction's date, and every symbol synced with success before (with no date of its own).
   */
  Map<String, @Nullable LocalDate> heldAndTrackedSymbols() {
    return db.read(
        c -> {
          Map<String, @Nullable LocalDate> out = new java.util.TreeMap<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT upper(symbol), min(date) FROM transactions WHERE symbol IS NOT NULL"
                          + " AND symbol <> '' GROUP BY ALL"
                          + " UNION ALL SELECT key, NULL FROM market_sync WHERE source = 'yahoo'"
                          + " AND covered_from IS NOT NULL")) {
            while (rs.next()) {
              LocalDate first = rs.getObject(2, LocalDate.class);
              // Map.merge rejects a null value, and a symbol only synced before has no first day.
              if (out.get(rs.getString(1)) == null) {
                out.put(rs.getString(1), first);
              }
            }
          }
          return out;
        });
  }

  /**
   * The Yahoo FX pairs ({@code EURUSD=X}) from every currency held other than {@code base} — of
   * transactions, of accounts, and of the symbols traded (as the last sync reported them) — each
   * with the first day it is needed, a week early so a trade on a weekend or holiday has the
   * previous close.
   */
  Map<String, LocalDate> fxPairsNeeded(String base) {
    return db.read(
        c -> {
          Map<String, LocalDate> out = new java.util.TreeMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
                  SELECT ccy, min(first) - 7 FROM (
                    SELECT upper(currency) AS ccy, min(date) AS first FROM transactions GROUP BY 1
                    UNION ALL
                    SELECT upper(a.currency), min(t.date)
                    FROM accounts a JOIN transactions t ON t.account_id = a.id GROUP BY 1
                    UNION ALL
                    SELECT upper(m.currency), min(t.date)
                    FROM transactions t JOIN market_sync m
                      ON m.source = 'yahoo' AND m.key = upper(t.symbol)
                    WHERE m.currency IS NOT NULL GROUP BY 1)
                  WHERE ccy <> ? AND regexp_full_match(ccy, '[A-Z]{3}') GROUP BY ccy
                  """)) {
            ps.setString(1, base);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1) + base + "=X", rs.getObject(2, LocalDate.class));
              }
            }
          }
          return out;
        });
  }

  /** One row of a series query. */
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The rows of {@code sql} for one key, between two dates (open ends: all of history). */
  private <T> List<T> series(
      String sql, String key, @Nullable LocalDate from, @Nullable LocalDate to, Row<T> row) {
    return db.read(
        c -> {
          List<T> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setObject(2, Date.valueOf(from == null ? LocalDate.of(1800, 1, 1) : from));
            ps.setObject(3, Date.valueOf(to == null ? LocalDate.of(9999, 12, 31) : to));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(row.read(rs));
              }
            }
          }
          return out;
        });
  }

  private static BigDecimal strip(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}

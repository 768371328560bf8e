package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.sidecar.db.Database;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replay order (date, then id) per (account, symbol), whichever order DuckDB returns rows in. */
class EventReaderTest {
  @Test
  void denseIdsComeBackInReplayOrderEvenWhenADateGoesBack() {
    // ids 1..6 stored shuffled; A's id 3 and B's id 6 are dated before the smaller ids
    assertThat(
            replayOrder(
                "(5, DATE '2024-01-05', 'A'), (2, DATE '2024-01-02', 'B'),"
                    + " (3, DATE '2024-01-01', 'A'), (6, DATE '2024-01-01', 'B'),"
                    + " (1, DATE '2024-01-03', 'A'), (4, DATE '2024-01-02', 'B')"))
        .containsExactly(List.of(3L, 1L, 5L), List.of(6L, 2L, 4L));
  }

  @Test
  void sparseIdsComeBackInReplayOrderToo() {
    assertThat(
            replayOrder(
                "(900000, DATE '2024-01-05', 'A'), (20, DATE '2024-01-02', 'B'),"
                    + " (400, DATE '2024-01-01', 'A'), (3000000, DATE '2024-01-01', 'B'),"
                    + " (7, DATE '2024-01-03', 'A'), (50000, DATE '2024-01-02', 'B')"))
        .containsExactly(List.of(400L, 7L, 900000L), List.of(3000000L, 20L, 50000L));
  }

  /**
   * Decimals arrive as exact scaled longs at both ends of their types' ranges, negative fractions
   * and missing split ratios (as 0) included.
   */
  @Test
  void decimalsArriveAsExactScaledLongs() {
    try (Database db = Database.inMemory()) {
      List<Event> events =
          db.write(
              c -> {
                try (Statement s = c.createStatement()) {
                  s.execute(
                      "INSERT INTO transactions (id, account_id, line, date, type, symbol,"
                          + " quantity, price, fees, amount, currency, split_to, split_from,"
                          + " fingerprint) VALUES"
                          + " (1, 1, 1, DATE '2024-01-01', 'BUY', 'A', 9999999999.99999999,"
                          + " 0.00000001, 0.000001, -999999999999.999999, 'USD', NULL, NULL, 1),"
                          + " (2, 1, 2, DATE '2024-01-02', 'SPLIT', 'A', 0, 0, 0, -0.5, 'USD',"
                          + " 3.00000007, 0.5, 2)");
                }
                try (EventReader.Batch batch = EventReader.read(c, " AND account_id = 1", null)) {
                  EventReader.Events g = batch.groups.getFirst();
                  return List.of(g.get(0), g.get(1));
                }
              });
      Event buy = events.get(0);
      assertThat(buy.qty()).isEqualTo(999_999_999_999_999_999L);
      assertThat(buy.price()).isEqualTo(1L);
      assertThat(buy.fees()).isEqualTo(1L);
      assertThat(buy.amount()).isEqualTo(-999_999_999_999_999_999L);
      assertThat(buy.splitTo()).isZero();
      Event split = events.get(1);
      assertThat(split.amount()).isEqualTo(-500_000L);
      assertThat(split.splitTo()).isEqualTo(300_000_007L);
      assertThat(split.splitFrom()).isEqualTo(50_000_000L);
    }
  }

  /**
   * A read of many chunks, which DuckDB returns from several threads in any order: every group gets
   * exactly its own rows, every column of a row stays with its row, and each group comes in replay
   * order. The rows are stored in hashed order, their dates jump back and forth as ids grow, and a
   * fifth are transfers with an acquisition date of their own.
   */
  @Test
  void aLargeReadGivesEachGroupItsOwnWholeRowsInReplayOrder() {
    try (Database db = Database.inMemory()) {
      List<List<String>> read =
          db.write(
              c -> {
                try (Statement s = c.createStatement()) {
                  s.execute(
                      "INSERT INTO transactions (id, account_id, line, date, type, symbol,"
                          + " quantity, price, fees, amount, currency, acquired, fingerprint)"
                          + " SELECT i, 1, i * 3, DATE '2000-01-01' + ((i * 7919) % 5000)::INTEGER,"
                          + " CASE WHEN i % 5 = 0 THEN 'TRANSFER_IN' ELSE 'BUY' END,"
                          + " 'S' || (hash(i) % 40), i % 97 + 1, (i % 13) / 4, (i % 7) / 100,"
                          + " -(i % 11), 'USD',"
                          + " CASE WHEN i % 5 = 0 THEN DATE '1999-01-01' + (i % 300)::INTEGER END,"
                          + " i FROM range(1, 200001) r(i) ORDER BY hash(i * 31)");
                }
                List<List<String>> out = new ArrayList<>();
                try (EventReader.Batch batch = EventReader.read(c, " AND account_id = 1", null)) {
                  for (EventReader.Events g : batch.groups) {
                    List<String> rows = new ArrayList<>();
                    Event e = null;
                    for (int i = 0; i < g.size(); i++) {
                      e = g.get(i, e);
                      rows.add(
                          g.symbol
                              + " "
                              + e.id()
                              + " "
                              + e.line()
                              + " "
                              + e.day()
                              + " "
                              + e.type()
                              + " "
                              + e.qty()
                              + " "
                              + e.price()
                              + " "
                              + e.fees()
                              + " "
                              + e.amount()
                              + " "
                              + e.acquiredDay());
                    }
                    out.add(rows);
                  }
                }
                return out;
              });
      List<List<String>> expected =
          db.read(
              c -> {
                List<List<String>> out = new ArrayList<>();
                try (Statement s = c.createStatement();
                    ResultSet rs =
                        s.executeQuery(
                            "SELECT symbol, concat_ws(' ', symbol, id, line,"
                                + " date - DATE '1970-01-01', type,"
                                + " CAST(quantity * 100000000 AS BIGINT),"
                                + " CAST(price * 100000000 AS BIGINT),"
                                + " CAST(fees * 1000000 AS BIGINT), CAST(amount * 1000000 AS BIGINT),"
                                + " coalesce(acquired, date) - DATE '1970-01-01')"
                                + " FROM transactions ORDER BY symbol, date, id")) {
                  String symbol = "";
                  while (rs.next()) {
                    if (!rs.getString(1).equals(symbol)) {
                      symbol = rs.getString(1);
                      out.add(new ArrayList<>());
                    }
                    out.getLast().add(rs.getString(2));
                  }
                }
                return out;
              });
      assertThat(expected).hasSize(40);
      assertThat(read).isEqualTo(expected);
    }
  }

  /** A read that reuses the columns of a larger read before it sees only its own rows. */
  @Test
  void aReadAfterALargerOneSeesOnlyItsOwnRows() {
    assertThat(
            replayOrder(
                "(1, DATE '2024-01-01', 'A'), (2, DATE '2024-01-02', 'A'),"
                    + " (3, DATE '2024-01-03', 'B'), (4, DATE '2024-01-04', 'C')"))
        .hasSize(3);
    assertThat(replayOrder("(7, DATE '2024-02-01', 'D')")).containsExactly(List.of(7L));
  }

  /** The reader lets DuckDB return rows in any order, for its own query only. */
  @Test
  void theConnectionKeepsInsertionOrderAfterARead() {
    try (Database db = Database.inMemory()) {
      boolean preserved =
          db.write(
              c -> {
                EventReader.read(c, " AND account_id = 1", null).close();
                try (Statement s = c.createStatement();
                    ResultSet rs =
                        s.executeQuery("SELECT current_setting('preserve_insertion_order')")) {
                  rs.next();
                  return rs.getBoolean(1);
                }
              });
      assertThat(preserved).isTrue();
    }
  }

  /**
   * Outside a transaction the reader's two queries (the groups, then their rows) run in one of its
   * own, and the connection is left as it was found.
   */
  @Test
  void aReadOutsideATransactionLeavesTheConnectionInAutoCommit() {
    try (Database db = Database.inMemory()) {
      boolean autoCommit =
          db.read(
              c -> {
                try (EventReader.Batch batch = EventReader.read(c, " AND account_id = 1", null)) {
                  assertThat(batch.groups).isEmpty();
                }
                return c.getAutoCommit();
              });
      assertThat(autoCommit).isTrue();
    }
  }

  /** Stores BUYs (id, date, symbol) and answers each group's ids in the order the reader gives. */
  private static List<List<Long>> replayOrder(String values) {
    try (Database db = Database.inMemory()) {
      return db.write(
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute(
                  "INSERT INTO transactions (id, account_id, line, date, type, symbol, quantity,"
                      + " price, currency, fingerprint)"
                      + " SELECT id, 1, id, d, 'BUY', sym, 1, 1, 'USD', id FROM (VALUES "
                      + values
                      + ") v(id, d, sym)");
            }
            List<List<Long>> out = new ArrayList<>();
            try (EventReader.Batch batch = EventReader.read(c, " AND account_id = 1", null)) {
              for (EventReader.Events g : batch.groups) {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < g.size(); i++) {
                  ids.add(g.get(i).id());
                }
                out.add(ids);
              }
            }
            return out;
          });
    }
  }
}

package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.TransactionType;
import io.portfolioos.sidecar.db.SessionSetting;
import java.lang.ref.SoftReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;
import org.jspecify.annotations.Nullable;

/**
 * Reads the lot-changing transactions of a scope as one flat column-wise result, grouped and put in
 * replay order (date, id) in Java. Two costs dominate a naive read of a million rows and are
 * avoided here: a String per row (the symbol is read once per group, through a small integer group
 * code) and DuckDB's sort (rows are put in id order in one pass, which within a group is usually
 * already replay order, so a group is only sorted when it is not). Decimals come as their exact
 * scaled longs.
 */
final class EventReader {
  private static final TransactionType[] TYPES = TransactionType.values();

  /** The events of one (account, symbol), in replay order: {@code order[from..to)} of the rows. */
  static final class Events {
    final long accountId;
    final String symbol;
    private final Columns rows;
    private final int[] order;
    private final int from;
    private final int to;

    private Events(long accountId, String symbol, Columns rows, int[] order, int from, int to) {
      this.accountId = accountId;
      this.symbol = symbol;
      this.rows = rows;
      this.order = order;
      this.from = from;
      this.to = to;
    }

    int size() {
      return to - from;
    }

    Event get(int i) {
      return get(i, null);
    }

    /** The {@code i}th event, loaded into {@code reuse} when given (see {@link Event}). */
    Event get(int i, @Nullable Event reuse) {
      return rows.event(order[from + i], reuse);
    }
  }

  /**
   * The groups of one read. Closing it, once no group is read any more, hands its columns to the
   * next read: a million-row read allocated about 80 MB of arrays that the collector then copied at
   * each young collection during the replay (≈ 0.2 s of a large import's lots phase), where columns
   * kept from the read before are already in the old generation. They are kept softly, so the
   * collector takes them back when memory runs short.
   */
  static final class Batch implements AutoCloseable {
    final List<Events> groups;
    private final Columns rows;

    private Batch(List<Events> groups, Columns rows) {
      this.groups = groups;
      this.rows = rows;
    }

    @Override
    public void close() {
      SPARE.set(new SoftReference<>(rows));
    }
  }

  private static final AtomicReference<@Nullable SoftReference<Columns>> SPARE =
      new AtomicReference<>();

  /** Columns for {@code rows} rows: the spare ones when they are large enough, else new ones. */
  private static Columns columns(int rows) {
    SoftReference<Columns> kept = SPARE.getAndSet(null);
    Columns spare = kept == null ? null : kept.get();
    return spare != null && spare.capacity() >= rows ? spare.reset() : new Columns(rows);
  }

  private EventReader() {}

  /**
   * @param scope SQL conditions on {@code transactions} starting with {@code AND}, with {@code ?}
   *     for {@code args}
   */
  static Batch read(Connection c, String scope, @Nullable List<Object> args) throws SQLException {
    if (!c.getAutoCommit()) {
      return readInTransaction(c, scope, args);
    }
    // the groups and the rows are two queries, which must see the same transactions
    c.setAutoCommit(false);
    try {
      return readInTransaction(c, scope, args);
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  private static Batch readInTransaction(Connection c, String scope, @Nullable List<Object> args)
      throws SQLException {
    String where = " WHERE symbol IS NOT NULL AND type IN " + LotEngine.LOT_TYPES + scope;
    // the groups first, numbered in a small temp table that the main query joins, with their sizes:
    // the columns are sized once (growing a million-row column by doubling copied it several times,
    // and the collector copied the growing arrays again at each young collection), and the row loop
    // below has no branch that only a group's first row takes. (Numbering them inside the main
    // query made DuckDB materialize the scope's rows for the two uses: 2–5× the query's time.)
    try (DuckDBPreparedStatement s =
        prepare(
            c,
            "CREATE OR REPLACE TEMP TABLE ledger_groups AS SELECT account_id, symbol,"
                + " count(*)::INTEGER AS n,"
                + " (row_number() OVER (ORDER BY account_id, symbol) - 1)::INTEGER AS k"
                + " FROM transactions"
                + where
                + " GROUP BY account_id, symbol",
            args)) {
      s.execute();
    }
    try {
      List<Long> accounts = new ArrayList<>();
      List<String> symbols = new ArrayList<>();
      int rows = 0;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT account_id, symbol, n FROM ledger_groups ORDER BY k")) {
        while (rs.next()) {
          accounts.add(rs.getLong(1));
          symbols.add(rs.getString(2));
          rows += rs.getInt(3);
        }
      }
      // the type's code by a join on a small table: a CASE of a dozen string comparisons per row
      // costs more
      String select =
          String.join(
              ", ",
              "g.k",
              "t.id",
              "t.line",
              "(t.date - DATE '1970-01-01')::INTEGER",
              "y.code",
              scaled("t.quantity", Fixed.QTY_SCALE),
              scaled("t.price", Fixed.QTY_SCALE),
              scaled("t.fees", Fixed.MONEY_SCALE),
              scaled("t.amount", Fixed.MONEY_SCALE),
              "coalesce(" + scaled("t.split_to", Fixed.QTY_SCALE) + ", 0)",
              "coalesce(" + scaled("t.split_from", Fixed.QTY_SCALE) + ", 0)",
              "(coalesce(t.acquired, t.date) - DATE '1970-01-01')::INTEGER");
      String sql =
          "SELECT "
              + select
              + " FROM (SELECT * FROM transactions"
              + where
              + ") t JOIN ledger_groups g ON g.account_id = t.account_id AND g.symbol = t.symbol"
              + " JOIN "
              + TYPE_CODES
              + " AS y(type, code) ON y.type = t.type";
      Columns cols = columns(rows);
      // DuckDB's data chunks instead of a ResultSet: the vectors are read in place, a cell costs a
      // buffer read rather than a JDBC call and a conversion
      // the rows are bucketed and ordered here, so DuckDB need not keep their order: kept, the
      // result streamed through one ordered collector at several times the cost of the query
      SessionSetting.with(
          c,
          "preserve_insertion_order",
          "false",
          () -> {
            try (DuckDBPreparedStatement s = prepare(c, sql, args);
                DuckDBChunkedResult rs = s.query()) {
              while (rs.nextChunk()) {
                load(rs.chunk(), cols);
              }
            }
            return cols;
          });
      return new Batch(cols.groups(accounts, symbols), cols);
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS ledger_groups");
      }
    }
  }

  /**
   * One data chunk into the columns. A method of its own, so that the JIT compiles it whole after
   * the first chunks and every later read starts compiled: as a loop inside {@link #read} it was
   * compiled on the stack for that one call, and the next read, leaving the loop by a path that
   * compilation had not seen, fell back to the interpreter while it was compiled again (0.4–0.8 s
   * of the second import's read).
   */
  private static void load(DuckDBDataChunkReader chunk, Columns cols) {
    DuckDBReadableVector[] v = new DuckDBReadableVector[12];
    for (int j = 0; j < v.length; j++) {
      v[j] = chunk.vector(j);
    }
    long rows = chunk.rowCount();
    for (long r = 0; r < rows; r++) {
      loadRow(v, r, cols);
    }
  }

  /**
   * One row: compiled fully early in the first read (a million calls), so the next read runs it
   * compiled even while {@link #load} itself, called ≈ 500 times a read, waits for its own.
   */
  private static void loadRow(DuckDBReadableVector[] v, long r, Columns cols) {
    cols.add(
        v[0].getInt(r),
        v[1].getLong(r),
        v[2].getLong(r),
        v[3].getInt(r),
        v[4].getInt(r),
        v[5].getLong(r),
        v[6].getLong(r),
        v[7].getLong(r),
        v[8].getLong(r),
        v[9].getLong(r),
        v[10].getLong(r),
        v[11].getInt(r));
  }

  private static DuckDBPreparedStatement prepare(
      Connection c, String sql, @Nullable List<Object> args) throws SQLException {
    DuckDBPreparedStatement s = c.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class);
    if (args != null) {
      for (int i = 0; i < args.size(); i++) {
        s.setObject(i + 1, args.get(i));
      }
    }
    return s;
  }

  /**
   * A DECIMAL(18, scale) column as its unscaled BIGINT, the lot engine's fixed-point value, in
   * 64-bit arithmetic: whole part times 10^scale plus the fraction, cast to a precision that stays
   * in 64 bits. A BigDecimal per cell in Java, or one multiplication at DECIMAL(38), costs several
   * times more.
   */
  private static String scaled(String column, int scale) {
    String one = "1" + "0".repeat(scale);
    return "(trunc("
        + column
        + ")::BIGINT * "
        + one
        + " + (("
        + column
        + " - trunc("
        + column
        + "))::DECIMAL("
        + (scale + 1)
        + ", "
        + scale
        + ") * "
        + one
        + "::DECIMAL("
        + (scale + 1)
        + ", 0))::BIGINT)";
  }

  private static final String TYPE_CODES =
      Arrays.stream(TYPES)
          .map(t -> "('" + t.name() + "', " + t.ordinal() + ")")
          .collect(Collectors.joining(", ", "(VALUES ", ")"));

  /** Primitive columns, sized before the read: a million rows without a million row objects. */
  private static final class Columns {
    int size;
    int[] group;
    long[] id;
    long[] line;
    int[] day;
    int[] type;
    long[] qty;
    long[] price;
    long[] fees;
    long[] amount;
    long[] splitTo;
    long[] splitFrom;
    int[] acquired;

    int capacity() {
      return id.length;
    }

    Columns reset() {
      size = 0;
      return this;
    }

    Columns(int capacity) {
      int n = Math.max(capacity, 16);
      group = new int[n];
      id = new long[n];
      line = new long[n];
      day = new int[n];
      type = new int[n];
      qty = new long[n];
      price = new long[n];
      fees = new long[n];
      amount = new long[n];
      splitTo = new long[n];
      splitFrom = new long[n];
      acquired = new int[n];
    }

    @SuppressWarnings("TooManyParameters") // one row of the flat result, column by column
    void add(
        int k,
        long id,
        long line,
        int day,
        int type,
        long qty,
        long price,
        long fees,
        long amount,
        long splitTo,
        long splitFrom,
        int acquired) {
      if (size == this.id.length) {
        // sized by the groups query, which runs in the same transaction and counts the same rows
        throw new IllegalStateException("more rows than the groups query counted");
      }
      int i = size++;
      this.group[i] = k;
      this.id[i] = id;
      this.line[i] = line;
      this.day[i] = day;
      this.type[i] = type;
      this.qty[i] = qty;
      this.price[i] = price;
      this.fees[i] = fees;
      this.amount[i] = amount;
      this.splitTo[i] = splitTo;
      this.splitFrom[i] = splitFrom;
      this.acquired[i] = acquired;
    }

    /** What a column is gathered into; then the column becomes the spare. */
    private long[] spareLong = new long[0];

    private int[] spareInt = new int[0];

    /**
     * Puts every column in {@code order}, so that a group's rows lie together. Left in arrival
     * order and read through the index, a group's rows were scattered over 80 MB of columns and the
     * replay waited on memory for most of its time (≈ 0.5 CPU-seconds for a million rows, against ≈
     * 0.1 s plus ≈ 30 ms for this gather): a column at a time, the random reads are independent and
     * overlap.
     */
    private void gather(int[] order) {
      if (spareLong.length != id.length) {
        spareLong = new long[id.length];
        spareInt = new int[id.length];
      }
      // group stays in arrival order: nothing reads it after the bucketing
      id = permute(id, order);
      line = permute(line, order);
      qty = permute(qty, order);
      price = permute(price, order);
      fees = permute(fees, order);
      amount = permute(amount, order);
      splitTo = permute(splitTo, order);
      splitFrom = permute(splitFrom, order);
      day = permute(day, order);
      type = permute(type, order);
      acquired = permute(acquired, order);
    }

    private long[] permute(long[] a, int[] order) {
      long[] out = spareLong;
      for (int j = 0; j < size; j++) {
        out[j] = a[order[j]];
      }
      spareLong = a;
      return out;
    }

    private int[] permute(int[] a, int[] order) {
      int[] out = spareInt;
      for (int j = 0; j < size; j++) {
        out[j] = a[order[j]];
      }
      spareInt = a;
      return out;
    }

    Event event(int i, @Nullable Event reuse) {
      Event e = reuse == null ? new Event() : reuse;
      e.set(
          id[i],
          line[i],
          day[i],
          TYPES[type[i]],
          qty[i],
          price[i],
          fees[i],
          amount[i],
          splitTo[i],
          splitFrom[i],
          acquired[i]);
      return e;
    }

    /**
     * Buckets the rows by group (stable), moves them into that order, then puts each group in
     * (date, id) order.
     */
    List<Events> groups(List<Long> accounts, List<String> symbols) {
      int groups = symbols.size();
      int[] start = new int[groups + 1];
      for (int i = 0; i < size; i++) {
        start[group[i] + 1]++;
      }
      for (int k = 0; k < groups; k++) {
        start[k + 1] += start[k];
      }
      int[] order = new int[size];
      int[] next = Arrays.copyOf(start, groups);
      for (int i : idOrder()) {
        order[next[group[i]]++] = i;
      }
      gather(order);
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      List<Events> out = new ArrayList<>(groups);
      for (int k = 0; k < groups; k++) {
        int from = start[k];
        int to = start[k + 1];
        if (!inReplayOrder(order, from, to)) {
          sort(order, from, to, new int[to - from]);
        }
        out.add(new Events(accounts.get(k), symbols.get(k), this, order, from, to));
      }
      return out;
    }

    /**
     * The row indices in id order, placed by id in one pass when the ids are dense enough, else in
     * arrival order. The import's fingerprint window stores rows in hash order, so without this
     * every group arrived shuffled and was merge-sorted; in id order a group is usually already in
     * replay order (date, id), dates rarely going back as ids grow.
     */
    private int[] idOrder() {
      int[] rows = new int[size];
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < size; i++) {
        min = Math.min(min, id[i]);
        max = Math.max(max, id[i]);
      }
      if (size > 0 && max - min < 4L * size) {
        int[] slot = new int[(int) (max - min + 1)];
        Arrays.fill(slot, -1);
        for (int i = 0; i < size; i++) {
          slot[(int) (id[i] - min)] = i;
        }
        int n = 0;
        for (int i : slot) {
          if (i >= 0) {
            rows[n++] = i;
          }
        }
        if (n == size) {
          return rows;
        }
      }
      // ids too sparse to place directly (or not unique): arrival order, each group sorted below
      for (int i = 0; i < size; i++) {
        rows[i] = i;
      }
      return rows;
    }

    /**
     * Merge sort of row indices by (date, id) on primitive arrays, for a group whose dates go back
     * as ids grow or whose ids were too sparse to place; boxing a million indices for a comparator
     * cost more than the replay.
     */
    private void sort(int[] order, int from, int to, int[] scratch) {
      if (to - from < 2) {
        return;
      }
      int mid = (from + to) >>> 1;
      sort(order, from, mid, scratch);
      sort(order, mid, to, scratch);
      if (!before(order[mid], order[mid - 1])) {
        return;
      }
      System.arraycopy(order, from, scratch, 0, mid - from);
      int i = 0;
      int j = mid;
      int k = from;
      int left = mid - from;
      while (i < left && j < to) {
        order[k++] = before(order[j], scratch[i]) ? order[j++] : scratch[i++];
      }
      System.arraycopy(scratch, i, order, k, left - i);
    }

    private boolean inReplayOrder(int[] order, int from, int to) {
      for (int i = from + 1; i < to; i++) {
        if (before(order[i], order[i - 1])) {
          return false;
        }
      }
      return true;
    }

    private boolean before(int a, int b) {
      return day[a] < day[b] || (day[a] == day[b] && id[a] < id[b]);
    }
  }
}

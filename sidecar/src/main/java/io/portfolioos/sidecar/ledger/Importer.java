package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.InvalidParamsException;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.Account;
import io.portfolioos.contract.ledger.Broker;
import io.portfolioos.contract.ledger.ImportCsvParams;
import io.portfolioos.contract.ledger.ImportResult;
import io.portfolioos.contract.ledger.RejectedLine;
import io.portfolioos.contract.ledger.TransactionType;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.db.SessionSetting;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * ledger.importCsv: every dialect ends in one temp table of typed rows, each with the reason it is
 * rejected if it is (lines keep their numbers), then fingerprinted in SQL and inserted with an
 * anti-join, then the touched lots are recomputed — all set-based, in one transaction. A generic
 * CSV never passes through Java row by row: DuckDB's reader loads it and the same statement types
 * it; a broker preset parses its file in Java into a staging table of text columns first.
 */
final class Importer {
  /** The generic format's columns; {@code acquired} is optional (TRANSFER_IN's original date). */
  static final List<String> GENERIC_COLUMNS =
      List.of(
          "date",
          "type",
          "symbol",
          "quantity",
          "price",
          "fees",
          "amount",
          "currency",
          "ratio",
          "description",
          "acquired");

  private static final int MAX_REPORTED = 1000;

  /** A plain decimal with up to 8 (quantities, prices) or 6 (money) decimals, as SQL regex. */
  private static final String NUMBER_8 = "-?[0-9]*\\.?[0-9]{0,8}";

  private static final String NUMBER_6 = "-?[0-9]*\\.?[0-9]{0,6}";

  private final Database db;
  private final LotEngine engine;
  private final List<BrokerFormat> presets;

  Importer(Database db, LotEngine engine, List<BrokerFormat> presets) {
    this.db = db;
    this.engine = engine;
    this.presets = presets;
  }

  ImportResult importCsv(ImportCsvParams p, RequestContext ctx) {
    Path path = Path.of(p.path());
    if (!Files.isRegularFile(path)) {
      throw new InvalidParamsException("path", "no such file: " + p.path());
    }
    List<String> head = head(path);
    BrokerFormat preset = null;
    Broker broker = p.broker();
    if (broker == Broker.auto) {
      if (isGenericHeader(head)) {
        broker = Broker.generic;
      } else {
        preset =
            presets.stream()
                .filter(f -> f.recognizes(head))
                .findFirst()
                .orElseThrow(
                    () ->
                        new InvalidParamsException(
                            "path",
                            "line 1: unrecognized header "
                                + (head.isEmpty() ? "(empty file)" : "'" + head.getFirst() + "'")
                                + "; expected the generic header "
                                + String.join(",", GENERIC_COLUMNS.subList(0, 10))
                                + " or a supported broker export"));
        broker = preset.broker();
      }
    } else if (broker != Broker.generic) {
      Broker wanted = broker;
      preset = presets.stream().filter(f -> f.broker() == wanted).findFirst().orElseThrow();
    }
    BrokerFormat chosen = preset;
    Broker used = broker;
    if (p.dryRun()) {
      return db.read(
          c -> {
            c.setAutoCommit(false);
            try {
              return run(c, p, path, chosen, used, ctx);
            } finally {
              c.rollback();
              c.setAutoCommit(true);
            }
          });
    }
    return db.write(c -> run(c, p, path, chosen, used, ctx));
  }

  private ImportResult run(
      Connection c,
      ImportCsvParams p,
      Path path,
      BrokerFormat preset,
      Broker broker,
      RequestContext ctx)
      throws SQLException {
    Account account;
    try {
      account = Accounts.require(c, p.accountId());
    } catch (RpcException e) {
      throw new RpcException(ErrorCode.NOT_FOUND, "no account " + p.accountId(), "accountId");
    }
    ctx.progress(0, 4, "reading " + path.getFileName());
    List<RejectedLine> rejected = new ArrayList<>();
    boolean newestFirst = false;
    int comments = preset == null ? commentLines(path) : 0;
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS ledger_raw");
      s.execute("DROP TABLE IF EXISTS ledger_typed");
    }
    String line = "line";
    if (preset == null) {
      // read and typed in one statement: the text columns are never stored
      List<String> names = genericColumns(path);
      typeRows(c, readCsv(path, comments, names), "NULL::BIGINT", account.currency());
      rejected.addAll(readerRejections(c, names.size()));
      // DuckDB keeps a file's rows in order, so a generic row's line is its position after the
      // header and after the # lines of an export's metadata block above it. (Numbering them with
      // row_number() OVER () would run the whole read on one thread.)
      line = "rowid - " + firstRowid(c) + " + " + (2 + comments);
    } else {
      StagedRows staged = preset.parse(lines(path));
      rejected.addAll(staged.rejected);
      loadStaged(c, staged);
      newestFirst = preset.newestFirst();
      typeRows(c, "ledger_raw", "line", account.currency());
    }
    ctx.checkCancelled();
    ctx.progress(1, 4, "validating");
    if (rejected.isEmpty()) {
      rejected.addAll(rejections(c, line));
    }
    if (!rejected.isEmpty()) {
      rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
      List<RejectedLine> shown = rejected.subList(0, Math.min(MAX_REPORTED, rejected.size()));
      if (p.dryRun()) {
        return new ImportResult(null, broker, 0, 0, List.copyOf(shown));
      }
      throw new InvalidParamsException(
          "path",
          rejected.size()
              + " line(s) rejected, nothing imported: "
              + shown.stream()
                  .limit(10)
                  .map(r -> "line " + r.line() + ": " + r.reason())
                  .collect(Collectors.joining("; ")));
    }
    ctx.checkCancelled();
    ctx.progress(2, 4, "importing");
    long batchId = nextBatchId(c);
    // a generic file's lines are its rows, one each, so an id is a formula of the line; a preset
    // may reorder or drop rows and numbers them in date order
    String id =
        preset == null
            ? "line - " + (1 + comments)
            : "row_number() OVER (ORDER BY d, " + (newestFirst ? "line DESC" : "line") + ")";
    long[] counts = insert(c, account.id(), batchId, line, id);
    List<String> touched = touchedSymbols(c, batchId);
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE ledger_typed");
      s.execute("DROP TABLE IF EXISTS ledger_raw");
    }
    ctx.checkCancelled();
    ctx.progress(3, 4, "computing lots");
    engine.recompute(c, account.id(), touched);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO import_batches (id, account_id, broker, path, imported, duplicates)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, batchId);
      s.setLong(2, account.id());
      s.setString(3, broker.name());
      s.setString(4, path.toAbsolutePath().toString());
      s.setLong(5, counts[0]);
      s.setLong(6, counts[1]);
      s.executeUpdate();
    }
    ctx.progress(4, 4, "done");
    return new ImportResult(p.dryRun() ? null : batchId, broker, counts[0], counts[1], List.of());
  }

  private static boolean isGenericHeader(List<String> head) {
    if (head.isEmpty()) {
      return false;
    }
    List<String> names = headerNames(head.getFirst());
    return names.contains("date") && names.contains("type") && GENERIC_COLUMNS.containsAll(names);
  }

  private static List<String> headerNames(String header) {
    String h = header.startsWith("\uFEFF") ? header.substring(1) : header;
    return CsvLine.split(h, ',').stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }

  /** The generic header's column names, checked. */
  private static List<String> genericColumns(Path path) {
    List<String> head = head(path);
    List<String> names = head.isEmpty() ? List.of() : headerNames(head.getFirst());
    if (!isGenericHeader(head)) {
      throw new InvalidParamsException(
          "path",
          "line 1: the generic header needs the columns "
              + String.join(",", GENERIC_COLUMNS.subList(0, 10))
              + " separated by commas; found '"
              + (head.isEmpty() ? "" : head.getFirst())
              + "'");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new InvalidParamsException("path", "line 1: a column is named twice");
    }
    return names;
  }

  /**
   * DuckDB's reader over the file, every column as text (validated in SQL afterwards), in the
   * generic column order; a line it cannot split lands in {@code reject_errors}.
   */
  private static String readCsv(Path path, int comments, List<String> names) {
    String columns =
        names.stream().map(n -> "'" + n + "': 'VARCHAR'").collect(Collectors.joining(", "));
    String select =
        GENERIC_COLUMNS.stream()
            .map(n -> names.contains(n) ? n : "NULL::VARCHAR AS " + n)
            .collect(Collectors.joining(", "));
    return "(SELECT "
        + select
        + " FROM read_csv('"
        + path.toAbsolutePath().toString().replace("'", "''")
        + "', header = false, skip = "
        + (1 + comments)
        + ", auto_detect = false, delim = ',', quote = '\"',"
        + " escape = '\"', strict_mode = true, store_rejects = true, columns = {"
        + columns
        + "}))";
  }

  /** The lines DuckDB's reader could not split, with why. */
  private static List<RejectedLine> readerRejections(Connection c, int columns)
      throws SQLException {
    List<RejectedLine> out = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT line, min(error_type), min(error_message) FROM reject_errors"
                  + " GROUP BY line ORDER BY line")) {
        while (rs.next()) {
          out.add(
              new RejectedLine(rs.getLong(1), describe(rs.getString(2), rs.getString(3), columns)));
        }
      }
      s.execute("DROP TABLE IF EXISTS reject_errors");
      s.execute("DROP TABLE IF EXISTS reject_scans");
    }
    return out;
  }

  private static String describe(String type, String message, int columns) {
    if (type.contains("COLUMNS") || message.contains("Number of Columns")) {
      return "expected " + columns + " comma-separated columns like the header";
    }
    return type.equals("UNQUOTED VALUE")
        ? "a quote inside an unquoted value"
        : message.lines().findFirst().orElse(type);
  }

  private static void loadStaged(Connection c, StagedRows staged) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE ledger_raw (date VARCHAR, type VARCHAR, symbol VARCHAR,"
              + " quantity VARCHAR, price VARCHAR, fees VARCHAR, amount VARCHAR,"
              + " currency VARCHAR, ratio VARCHAR, description VARCHAR, acquired VARCHAR,"
              + " line BIGINT)");
    }
    try (DuckDBAppender a =
        c.unwrap(DuckDBConnection.class)
            .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "ledger_raw")) {
      for (StagedRows.Row r : staged.rows) {
        a.beginRow()
            .append(r.date())
            .append(r.type().name())
            .append(r.symbol())
            .append(r.quantity())
            .append(r.price())
            .append(r.fees())
            .append(r.amount())
            .append(r.currency())
            .append(r.ratio())
            .append(r.description())
            .append(r.acquired())
            .append(r.line())
            .endRow();
      }
    }
  }

  /**
   * Types every staged row and says why a row is rejected (the first problem found). Decimals must
   * fit their column exactly: a value with more decimals than stored is rejected, not rounded.
   */
  private static void typeRows(Connection c, String source, String line, String defaultCurrency)
      throws SQLException {
    String types =
        Arrays.stream(TransactionType.values())
            .map(t -> "'" + t.name() + "'")
            .collect(Collectors.joining(","));
    boolean plain = defaultCurrency.matches("[A-Z]{3}");
    String sql =
        """
        CREATE TEMP TABLE ledger_typed AS
        -- Trimming was most of the typing's cost, so a value that needs none skips it: the casts
        -- accept the spaces trim takes off, and the text of four plain numbers has none to take.
        -- Every column comes out as if each value had been trimmed first.
        WITH r AS (
          SELECT %1$s AS line, date AS date_raw, acquired AS acq_raw,
            CASE WHEN type IN (%5$s) THEN type ELSE upper(trim(type)) END AS t,
            nullif(upper(trim(symbol)), '') AS sym,
            CASE WHEN %6$s THEN currency
              ELSE upper(coalesce(nullif(trim(currency), ''), '%4$s')) END AS cur,
            nullif(trim(ratio), '') AS ratio_text,
            nullif(trim(description), '') AS descr,
            quantity, price, fees, amount,
            -- one regular expression over the four numbers answers for nearly every row; each
            -- number's own runs only on a row that fails it, to name the column
            regexp_full_match(
              concat(coalesce(quantity, ''), ',', coalesce(price, ''), ',',
                     coalesce(fees, ''), ',', coalesce(amount, '')),
              '%2$s,%2$s,%3$s,%3$s') AS plain
          FROM %7$s),
        v AS (
          SELECT *,
            CASE WHEN plain THEN nullif(quantity, '') ELSE nullif(trim(quantity), '') END AS q_text,
            CASE WHEN plain THEN nullif(price, '') ELSE nullif(trim(price), '') END AS p_text,
            CASE WHEN plain THEN nullif(fees, '') ELSE nullif(trim(fees), '') END AS f_text,
            CASE WHEN plain THEN nullif(amount, '') ELSE nullif(trim(amount), '') END AS a_text,
            coalesce(TRY_CAST(date_raw AS DATE), TRY_CAST(trim(date_raw) AS DATE)) AS d,
            coalesce(TRY_CAST(acq_raw AS DATE), TRY_CAST(trim(acq_raw) AS DATE)) AS acq
          FROM r),
        w AS (
          SELECT *,
            TRY_CAST(q_text AS DECIMAL(18, 8)) AS q,
            TRY_CAST(p_text AS DECIMAL(18, 8)) AS p,
            TRY_CAST(f_text AS DECIMAL(18, 6)) AS f,
            TRY_CAST(a_text AS DECIMAL(18, 6)) AS a,
            TRY_CAST(nullif(trim(split_part(ratio_text, ':', 1)), '') AS DECIMAL(18, 8)) AS split_to,
            TRY_CAST(nullif(trim(split_part(ratio_text, ':', 2)), '') AS DECIMAL(18, 8))
              AS split_from,
            CASE WHEN plain THEN true ELSE regexp_full_match(
              concat(coalesce(q_text, ''), ',', coalesce(p_text, ''), ',',
                     coalesce(f_text, ''), ',', coalesce(a_text, '')),
              '%2$s,%2$s,%3$s,%3$s') END AS numbers_ok
          FROM v)
        SELECT line, d, t, sym, q, p, f, a, cur, split_to, split_from, acq, descr,
          hash(d, t, sym, q, p, f, a, cur, split_to, split_from, acq, descr) AS content,
          CASE
            WHEN d IS NULL THEN 'bad date ''' || coalesce(trim(date_raw), '') || ''' (expected YYYY-MM-DD)'
            WHEN t IS NULL OR t NOT IN (%5$s) THEN 'unknown type ''' || coalesce(t, '') || ''''
            WHEN q_text IS NOT NULL
              AND (q IS NULL OR (NOT numbers_ok AND NOT regexp_full_match(q_text, '%2$s')))
              THEN 'bad number in quantity: ''' || q_text || ''''
            WHEN p_text IS NOT NULL
              AND (p IS NULL OR (NOT numbers_ok AND NOT regexp_full_match(p_text, '%2$s')))
              THEN 'bad number in price: ''' || p_text || ''''
            WHEN f_text IS NOT NULL
              AND (f IS NULL OR (NOT numbers_ok AND NOT regexp_full_match(f_text, '%3$s')))
              THEN 'bad number in fees: ''' || f_text || ''''
            WHEN a_text IS NOT NULL
              AND (a IS NULL OR (NOT numbers_ok AND NOT regexp_full_match(a_text, '%3$s')))
              THEN 'bad number in amount: ''' || a_text || ''''
            WHEN acq IS NULL AND nullif(trim(acq_raw), '') IS NOT NULL
              THEN 'bad date in acquired: ''' || trim(acq_raw) || ''' (expected YYYY-MM-DD)'
            WHEN %8$s NOT regexp_full_match(cur, '[A-Z]{3}') THEN 'bad currency ''' || cur || ''''
            WHEN t IN ('BUY','SELL','REINVEST','SPLIT','TRANSFER_IN','TRANSFER_OUT','RETURN_OF_CAPITAL')
              AND sym IS NULL THEN t || ' needs a symbol'
            WHEN t IN ('BUY','SELL','REINVEST','TRANSFER_IN','TRANSFER_OUT')
              AND (q IS NULL OR q <= 0) THEN t || ' needs a positive quantity'
            WHEN t IN ('BUY','SELL','REINVEST') AND p IS NULL AND a IS NULL
              THEN t || ' needs a price or an amount'
            WHEN t = 'TRANSFER_IN' AND p IS NULL AND a IS NULL
              THEN 'TRANSFER_IN needs its original cost in amount (or a price)'
            WHEN t = 'SPLIT' AND ratio_text IS NULL AND q IS NULL
              THEN 'SPLIT needs a ratio like 4:1 or the added shares in quantity'
            WHEN t = 'SPLIT' AND ratio_text IS NOT NULL
              AND (split_to IS NULL OR split_from IS NULL OR split_to <= 0 OR split_from <= 0)
              THEN 'bad ratio ''' || ratio_text || ''' (expected like 4:1)'
            WHEN t IN ('DIVIDEND','INTEREST','FEE','DEPOSIT','WITHDRAWAL','RETURN_OF_CAPITAL')
              AND a IS NULL THEN t || ' needs an amount'
            WHEN p < 0 OR f < 0 THEN 'price and fees must not be negative'
          END AS reason
        FROM w
        """
            .formatted(
                line,
                NUMBER_8,
                NUMBER_6,
                defaultCurrency,
                types,
                // most rows carry the account's currency, which needs neither trim nor regex
                plain ? "currency = '" + defaultCurrency + "'" : "false",
                source,
                plain ? "cur <> '" + defaultCurrency + "' AND" : "");
    // A generic row's line is its rowid here, so the statement must keep the file's order. DuckDB
    // plans a long IN list (or list_contains) as a join, and a join reordered the rows of a file
    // read in several pieces (one over 32 MB): lines and ids came out shuffled.
    SessionSetting.with(
        c,
        "disabled_optimizers",
        "'in_clause'",
        () -> {
          try (Statement s = c.createStatement()) {
            return s.execute(sql);
          }
        });
  }

  /**
   * The rowid of the typed table's first row: rows not yet committed are numbered from an offset.
   */
  private static long firstRowid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(min(rowid), 0) FROM ledger_typed")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<RejectedLine> rejections(Connection c, String line) throws SQLException {
    List<RejectedLine> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + line
                    + " AS line, reason FROM ledger_typed WHERE reason IS NOT NULL ORDER BY 1"
                    + " LIMIT "
                    + MAX_REPORTED)) {
      while (rs.next()) {
        out.add(new RejectedLine(rs.getLong(1), rs.getString(2)));
      }
    }
    return out;
  }

  /**
   * Inserts the rows the account does not have yet. A row's fingerprint hashes the hash of its
   * typed content and its occurrence number among identical rows of this file, so re-importing a
   * file or an overlapping export adds nothing twice while two genuinely identical trades in one
   * file both stay. Most files repeat no row, and then every occurrence number is 1: the window
   * that numbers them (a partition of every row with all its columns) runs only when one repeats.
   * Ids continue from the largest so far; {@code id} numbers the rows of this import from 1 (replay
   * orders by date, then id).
   *
   * @return {imported, duplicates}
   */
  private static long[] insert(Connection c, long accountId, long batchId, String line, String id)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      long total;
      boolean repeats;
      try (ResultSet rs =
          s.executeQuery("SELECT count(*), count(DISTINCT content) FROM ledger_typed")) {
        rs.next();
        total = rs.getLong(1);
        repeats = rs.getLong(2) < total;
      }
      String occurrence =
          repeats ? "row_number() OVER (PARTITION BY content ORDER BY line)" : "1::BIGINT";
      // An account's first import has nothing to match. The anti-join costs more than its empty
      // side suggests: with it in the plan, DuckDB inserted the rows at ≈ 1.3× the time and 1.5×
      // the CPU.
      boolean held;
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) > 0 FROM (SELECT 1 FROM transactions WHERE account_id = "
                  + accountId
                  + " LIMIT 1)")) {
        rs.next();
        held = rs.getBoolean(1);
      }
      String unseen =
          held
              ? "WHERE NOT EXISTS (SELECT 1 FROM transactions x WHERE x.account_id = "
                  + accountId
                  + " AND x.fingerprint = n.fingerprint)"
              : "";
      long imported =
          s.executeUpdate(
              """
              INSERT INTO transactions
              WITH l AS (SELECT * REPLACE (%s AS line) FROM ledger_typed),
              n AS (SELECT *, hash(content, %s) AS fingerprint FROM l)
              SELECT (SELECT coalesce(max(id), 0) FROM transactions) + %s,
                     %d, %d, line, d, t, sym, coalesce(q, 0), coalesce(p, 0), coalesce(f, 0),
                     coalesce(a, 0), cur, split_to, split_from, acq, descr, fingerprint
              FROM n
              %s
              """
                  .formatted(line, occurrence, id, accountId, batchId, unseen));
      return new long[] {imported, total - imported};
    }
  }

  private static List<String> touchedSymbols(Connection c, long batchId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT symbol FROM transactions WHERE batch_id = "
                    + batchId
                    + " AND symbol IS NOT NULL AND type IN "
                    + LotEngine.LOT_TYPES)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static long nextBatchId(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT nextval('import_batch_id_seq')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The first lines from the header on: {@code #} lines above it are an export's metadata. */
  private static List<String> head(Path path) {
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      List<String> out = new ArrayList<>();
      String line;
      while (out.size() < 20 && (line = r.readLine()) != null) {
        if (!out.isEmpty() || !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out;
    } catch (MalformedInputException e) {
      throw new InvalidParamsException("path", "is not UTF-8 text");
    } catch (IOException e) {
      throw new InvalidParamsException("path", "cannot be read: " + e.getMessage());
    }
  }

  /** How many {@code #} lines open the file (a PortfolioOS export's metadata block). */
  private static int commentLines(Path path) {
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line; (line = r.readLine()) != null && line.startsWith("#"); ) {
        n++;
      }
      return n;
    } catch (IOException e) {
      throw new InvalidParamsException("path", "cannot be read: " + e.getMessage());
    }
  }

  private static List<String> lines(Path path) {
    try {
      return Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new InvalidParamsException("path", "is not UTF-8 text");
    } catch (IOException e) {
      throw new InvalidParamsException("path", "cannot be read: " + e.getMessage());
    }
  }
}

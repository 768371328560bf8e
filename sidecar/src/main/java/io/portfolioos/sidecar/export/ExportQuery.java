package io.portfolioos.sidecar.export;

import io.portfolioos.contract.InvalidParamsException;
import io.portfolioos.contract.data.ExportFilters;
import io.portfolioos.contract.data.ExportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The SELECT behind one export kind, with its filters inlined as literals (DuckDB's COPY takes no
 * bind parameters; every literal here is a number, an ISO date or a quote-doubled string).
 *
 * @param columns output columns in order, with whether each holds text (CSV neutralizes text)
 * @param dateColumn the column the date range applies to, null when the kind has no dates
 */
record ExportQuery(
    ExportKind kind,
    List<Column> columns,
    String from,
    String orderBy,
    @Nullable String accountColumn,
    @Nullable String dateColumn) {

  /**
   * @param notInCsv left out of CSV (a transactions CSV has exactly the generic importer's columns;
   *     a simulation CSV leaves out the config JSON)
   */
  record Column(String name, String expression, boolean text, boolean notInCsv) {}

  /** The query's rows, ordered so an export is reproducible; a CSV's text cells neutralized. */
  String select(boolean csv) {
    String list =
        columns.stream()
            .filter(c -> !(csv && c.notInCsv()))
            .map(
                c ->
                    (csv && c.text() ? CellGuard.neutralized(c.expression()) : c.expression())
                        + " AS "
                        + c.name())
            .collect(Collectors.joining(", "));
    return "SELECT " + list + " " + from + " ORDER BY " + orderBy;
  }

  /** Row count, date range and accounts of the export, for the CSV header block. */
  String summary() {
    String date = dateColumn == null ? "NULL" : dateColumn;
    String accounts =
        accountColumn == null
            ? "NULL"
            : "list(DISTINCT " + accountColumn + " ORDER BY " + accountColumn + ")";
    return "SELECT count(*), min(" + date + "), max(" + date + "), " + accounts + " " + from;
  }

  List<String> columnNames(boolean csv) {
    return columns.stream().filter(c -> !(csv && c.notInCsv())).map(Column::name).toList();
  }

  static ExportQuery of(ExportKind kind, ExportFilters f) {
    if (f.runId() != null && kind != ExportKind.simulation) {
      throw new InvalidParamsException("filters.runId", "applies only to simulation exports");
    }
    return switch (kind) {
      case transactions -> transactions(f);
      case holdings -> holdings(f);
      case lots -> lots(f);
      case realized -> realized(f);
      case prices -> prices(f);
      case netWorthHistory -> netWorthHistory(f);
      case simulation -> simulation(f);
    };
  }

  /**
   * The generic importer's columns, so a CSV export re-imports as it is; JSON and Parquet also
   * carry the account.
   */
  private static ExportQuery transactions(ExportFilters f) {
    List<Column> cols =
        List.of(
            num("date", "t.date"),
            text("type", "t.type"),
            text("symbol", "t.symbol"),
            num("quantity", "t.quantity"),
            num("price", "t.price"),
            num("fees", "t.fees"),
            num("amount", "t.amount"),
            text("currency", "t.currency"),
            text(
                "ratio",
                "CASE WHEN t.split_to IS NOT NULL THEN "
                    + plainDecimal("t.split_to")
                    + " || ':' || "
                    + plainDecimal("t.split_from")
                    + " END"),
            text("description", "t.description"),
            num("acquired", "t.acquired"),
            new Column("account_id", "t.account_id", false, true));
    return new ExportQuery(
        ExportKind.transactions,
        cols,
        "FROM transactions t" + where(f, "t.account_id", "t.symbol", "t.date"),
        "t.account_id, t.date, t.id",
        "t.account_id",
        "t.date");
  }

  private static ExportQuery holdings(ExportFilters f) {
    noDates(f, ExportKind.holdings);
    List<Column> cols =
        List.of(
            num("account_id", "p.account_id"),
            text("account", "a.name"),
            text("symbol", "p.symbol"),
            num("quantity", "p.quantity"),
            num("cost_basis", "p.cost_basis"),
            num(
                "average_cost",
                "CASE WHEN p.quantity = 0 THEN NULL ELSE"
                    + " CAST(p.cost_basis / p.quantity AS DECIMAL(18, 6)) END"),
            num("realized_gain", "p.realized_gain"),
            num("open_lots", "p.open_lots"));
    return new ExportQuery(
        ExportKind.holdings,
        cols,
        "FROM positions p JOIN accounts a ON a.id = p.account_id"
            + where(f, "p.account_id", "p.symbol", null),
        "p.account_id, p.symbol",
        "p.account_id",
        null);
  }

  private static ExportQuery lots(ExportFilters f) {
    List<Column> cols =
        List.of(
            num("account_id", "l.account_id"),
            text("account", "a.name"),
            text("symbol", "l.symbol"),
            num("lot_id", "l.lot_id"),
            num("acquired", "l.acquired"),
            num("quantity", "l.quantity"),
            num("remaining", "l.remaining"),
            num(
                "cost_per_share",
                "CASE WHEN l.remaining = 0 THEN NULL ELSE"
                    + " CAST(l.cost_basis / l.remaining AS DECIMAL(18, 8)) END"),
            num("cost_basis", "l.cost_basis"));
    return new ExportQuery(
        ExportKind.lots,
        cols,
        "FROM lots l JOIN accounts a ON a.id = l.account_id"
            + where(f, "l.account_id", "l.symbol", "l.acquired"),
        "l.account_id, l.symbol, l.acquired, l.lot_id",
        "l.account_id",
        "l.acquired");
  }

  private static ExportQuery realized(ExportFilters f) {
    List<Column> cols =
        List.of(
            num("account_id", "d.account_id"),
            text("account", "a.name"),
            text("symbol", "d.symbol"),
            num("transaction_id", "d.transaction_id"),
            num("lot_id", "d.lot_id"),
            num("acquired", "d.acquired"),
            num("sold", "d.sold"),
            num("quantity", "d.quantity"),
            num("proceeds", "d.proceeds"),
            num("cost_basis", "d.cost_basis"),
            num("gain", "d.gain"),
            text("term", "d.term"));
    return new ExportQuery(
        ExportKind.realized,
        cols,
        "FROM disposals d JOIN accounts a ON a.id = d.account_id"
            + where(f, "d.account_id", "d.symbol", "d.sold"),
        "d.account_id, d.sold, d.transaction_id, d.lot_id",
        "d.account_id",
        "d.sold");
  }

  /** Daily bars as the market sync stored them; prices belong to no account. */
  private static ExportQuery prices(ExportFilters f) {
    if (f.accountId() != null) {
      throw new InvalidParamsException("filters.accountId", "does not apply to prices");
    }
    List<Column> cols =
        List.of(
            text("symbol", "p.symbol"),
            num("date", "p.date"),
            num("open", "p.open"),
            num("high", "p.high"),
            num("low", "p.low"),
            num("close", "p.close"),
            num("adj_close", "p.adj_close"),
            num("volume", "p.volume"));
    return new ExportQuery(
        ExportKind.prices,
        cols,
        "FROM prices p" + where(f, "NULL", "p.symbol", "p.date"),
        "p.symbol, p.date",
        null,
        "p.date");
  }

  /** The daily snapshots of each account's value ({@code portfolio.snapshot}). */
  private static ExportQuery netWorthHistory(ExportFilters f) {
    if (f.symbol() != null) {
      throw new InvalidParamsException("filters.symbol", "does not apply to netWorthHistory");
    }
    List<Column> cols =
        List.of(
            num("date", "s.date"),
            num("account_id", "s.account_id"),
            text("account", "a.name"),
            text("currency", "s.currency"),
            num("value", "s.value"),
            num("cash", "s.cash"));
    return new ExportQuery(
        ExportKind.netWorthHistory,
        cols,
        "FROM portfolio_snapshots s JOIN accounts a ON a.id = s.account_id"
            + where(f, "s.account_id", "NULL", "s.date"),
        "s.date, s.account_id",
        "s.account_id",
        "s.date");
  }

  /**
   * Stored Monte Carlo runs, one row per run and year (year 0 is the start); the date range applies
   * to the day a run was made. JSON and Parquet also carry the run's config as JSON text.
   */
  private static ExportQuery simulation(ExportFilters f) {
    if (f.accountId() != null || f.symbol() != null) {
      throw new InvalidParamsException(
          f.accountId() != null ? "filters.accountId" : "filters.symbol",
          "does not apply to simulation runs");
    }
    String created = "CAST(r.created_at AS DATE)";
    String where = where(f, "NULL", "NULL", created);
    if (f.runId() != null) {
      where += (where.isEmpty() ? " WHERE " : " AND ") + "r.id = " + f.runId();
    }
    List<Column> cols =
        List.of(
            num("run_id", "r.id"),
            num("created_at", "strftime(r.created_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')"),
            num("trials", "r.trials"),
            num("year", "y.year"),
            num("p5", "y.p5"),
            num("p10", "y.p10"),
            num("p25", "y.p25"),
            num("p50", "y.p50"),
            num("p75", "y.p75"),
            num("p90", "y.p90"),
            num("p95", "y.p95"),
            num("depleted", "y.depleted"),
            new Column("config", "CAST(r.config AS VARCHAR)", false, true));
    return new ExportQuery(
        ExportKind.simulation,
        cols,
        "FROM simulation_runs r JOIN simulation_run_years y ON y.run_id = r.id" + where,
        "r.id, y.year",
        null,
        created);
  }

  private static void noDates(ExportFilters f, ExportKind kind) {
    if (f.from() != null || f.to() != null) {
      throw new InvalidParamsException(
          f.from() != null ? "filters.from" : "filters.to",
          "does not apply to " + kind + " (they are as of now)");
    }
  }

  private static String where(
      ExportFilters f, String account, String symbol, @Nullable String date) {
    List<String> terms = new ArrayList<>();
    if (f.accountId() != null) {
      terms.add(account + " = " + f.accountId());
    }
    if (f.symbol() != null) {
      terms.add(symbol + " = " + stringLiteral(f.symbol().strip()));
    }
    if (date != null && f.from() != null) {
      terms.add(date + " >= DATE '" + f.from() + "'");
    }
    if (date != null && f.to() != null) {
      terms.add(date + " <= DATE '" + f.to() + "'");
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }

  static String stringLiteral(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** 4.00000000 → 4, 0.50000000 → 0.5: DECIMAL text always has its scale digits, so safe. */
  private static String plainDecimal(String column) {
    return "regexp_replace(regexp_replace(CAST(" + column + " AS VARCHAR), '0+$', ''), '\\.$', '')";
  }

  private static Column text(String name, String expression) {
    return new Column(name, expression, true, false);
  }

  private static Column num(String name, String expression) {
    return new Column(name, expression, false, false);
  }
}

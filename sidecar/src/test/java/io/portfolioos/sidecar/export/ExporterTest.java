package io.portfolioos.sidecar.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.data.DataSnapshot;
import io.portfolioos.contract.data.DataSnapshotParams;
import io.portfolioos.contract.data.ExportFilters;
import io.portfolioos.contract.data.ExportFormat;
import io.portfolioos.contract.data.ExportKind;
import io.portfolioos.contract.data.ExportParams;
import io.portfolioos.contract.data.ExportResult;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
  @TempDir Path dir;
  private Path dataDir;
  private Database db;

  @BeforeEach
  void open() throws IOException {
    dataDir = Files.createDirectories(dir.resolve("data"));
    db = Database.open(dataDir.resolve("analytics.duckdb"));
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO accounts (id, name, type) VALUES (1, 'Brokerage', 'TAXABLE')");
            s.execute("INSERT INTO accounts (id, name, type) VALUES (2, '=Evil', 'IRA')");
            s.execute(
                "INSERT INTO transactions (id, account_id, line, date, type, symbol, quantity,"
                    + " price, fees, amount, currency, description, fingerprint) VALUES"
                    + " (1, 1, 2, DATE '2021-03-04', 'BUY', 'AAPL', 10, 120.5, 1, -1206,"
                    + " 'USD', '=HYPERLINK(\"http://x\")', 1),"
                    + " (2, 1, 3, DATE '2022-05-06', 'SELL', 'AAPL', 4, 150, 1, 599, 'USD',"
                    + " '+1 sold, \"quoted\"', 2),"
                    + " (3, 1, 4, DATE '2022-06-01', 'FEE', NULL, 0, 0, 0, -12.5, 'USD',"
                    + " '-fee', 3),"
                    + " (4, 2, 2, DATE '2023-01-02', 'DEPOSIT', NULL, 0, 0, 0, 500, 'USD',"
                    + " '@sum' || chr(9), 4)");
            s.execute(
                "INSERT INTO transactions (id, account_id, line, date, type, symbol, currency,"
                    + " split_to, split_from, description, fingerprint) VALUES"
                    + " (5, 1, 5, DATE '2022-08-01', 'SPLIT', 'AAPL', 'USD', 4, 1, "
                    + "chr(13) || 'cr', 5)");
          }
          return null;
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  private ExportResult export(ExportKind kind, ExportFormat format, String name) {
    return export(kind, format, name, null);
  }

  private ExportResult export(
      ExportKind kind, ExportFormat format, String name, ExportFilters filters) {
    return ExportModule.export(
        db, dataDir, new ExportParams(kind, format, dir.resolve(name).toString(), filters));
  }

  @Test
  void csvHasAHeaderBlockIsoDatesPlainNumbersAndNeutralizedText() throws IOException {
    ExportResult r = export(ExportKind.transactions, ExportFormat.csv, "tx.csv");

    assertThat(r.rows()).isEqualTo(5);
    List<String> lines = Files.readAllLines(dir.resolve("tx.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("# PortfolioOS export: transactions");
    assertThat(lines).anyMatch(l -> l.startsWith("# generated_at: 20"));
    assertThat(lines)
        .contains("# accounts: 1 Brokerage; 2 =Evil", "# date_range: 2021-03-04..2023-01-02");
    String header = lines.stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
    assertThat(header)
        .isEqualTo(
            "date,type,symbol,quantity,price,fees,amount,currency,ratio,description,acquired");
    String body = Files.readString(dir.resolve("tx.csv"));
    assertThat(body)
        .contains("2021-03-04,BUY,AAPL,10.00000000,120.50000000,1.000000,-1206.000000,USD,,")
        .contains(",\"'=HYPERLINK(\"\"http://x\"\")\",")
        .contains(",\"'+1 sold, \"\"quoted\"\"\",")
        .contains(",-12.500000,USD,,'-fee,")
        .contains(",4:1,")
        .contains("'\rcr")
        .contains("'@sum\t")
        .doesNotContain(",=HYPERLINK", ",+1", ",-fee", ",@sum");
    assertThat(body).endsWith(",\n");
  }

  @Test
  void jsonAndParquetKeepTypedValuesAndAreNotNeutralized() throws Exception {
    export(ExportKind.transactions, ExportFormat.json, "tx.json");
    export(ExportKind.transactions, ExportFormat.parquet, "tx.parquet");

    assertThat(Files.readString(dir.resolve("tx.json")))
        .startsWith("[")
        .contains("\"amount\":-1206.000000")
        .contains("\"date\":\"2021-03-04\"")
        .contains("=HYPERLINK");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*), sum(amount), min(date) FROM read_parquet('"
                    + dir.resolve("tx.parquet")
                    + "')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(5);
      assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("-119.5"));
      assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2021, 3, 4));
    }
  }

  @Test
  void filtersNarrowRowsAndTheHeaderSaysSo() throws IOException {
    ExportResult r =
        export(
            ExportKind.transactions,
            ExportFormat.csv,
            "f.csv",
            new ExportFilters(1L, "AAPL", LocalDate.of(2022, 1, 1), null, null));

    assertThat(r.rows()).isEqualTo(2);
    assertThat(Files.readAllLines(dir.resolve("f.csv")))
        .contains(
            "# accounts: 1 Brokerage", "# date_range: 2022-01-01..2022-08-01", "# symbol: AAPL");
  }

  @Test
  void aCancelledExportWritesNothing() throws IOException {
    Path existing = Files.writeString(dir.resolve("keep.csv"), "old");
    RequestContext cancelled =
        new RequestContext() {
          @Override
          public void progress(long done, long total, String message) {}

          @Override
          public boolean isCancelled() {
            return true;
          }

          @Override
          public void checkCancelled() {
            throw new RpcException(ErrorCode.CANCELLED, "cancelled by the caller");
          }
        };
    Exporter exporter = new Exporter(db, dataDir);

    assertThatThrownBy(
            () ->
                exporter.export(
                    new ExportParams(
                        ExportKind.transactions, ExportFormat.csv, existing.toString(), null),
                    cancelled))
        .isInstanceOf(RpcException.class)
        .extracting(e -> ((RpcException) e).code())
        .isEqualTo(ErrorCode.CANCELLED);
    assertThat(Files.readString(existing)).isEqualTo("old");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void anExportReplacesAnExistingFileWhole() throws IOException {
    Files.writeString(dir.resolve("tx.csv"), "old");

    export(ExportKind.transactions, ExportFormat.csv, "tx.csv");

    assertThat(Files.readString(dir.resolve("tx.csv"))).startsWith("# PortfolioOS export");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void filtersThatDoNotApplyAndMissingFoldersAreNamed() {
    assertThatThrownBy(
            () ->
                export(
                    ExportKind.transactions,
                    ExportFormat.csv,
                    "t.csv",
                    new ExportFilters(null, null, null, null, 3L)))
        .extracting(e -> ((RpcException) e).field())
        .isEqualTo("filters.runId");
    assertThatThrownBy(
            () ->
                export(
                    ExportKind.simulation,
                    ExportFormat.csv,
                    "s.csv",
                    new ExportFilters(1L, null, null, null, null)))
        .extracting(e -> ((RpcException) e).field())
        .isEqualTo("filters.accountId");
    assertThatThrownBy(() -> export(ExportKind.transactions, ExportFormat.csv, "no/such/x.csv"))
        .extracting(e -> ((RpcException) e).field())
        .isEqualTo("path");
    assertThatThrownBy(
            () ->
                export(
                    ExportKind.holdings,
                    ExportFormat.csv,
                    "h.csv",
                    new ExportFilters(null, null, LocalDate.of(2020, 1, 1), null, null)))
        .extracting(e -> ((RpcException) e).field())
        .isEqualTo("filters.from");
  }

  @Test
  void pricesExportWithoutAnAccountsLine() throws IOException {
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "INSERT INTO prices (symbol, date, close, volume) VALUES"
                    + " ('AAPL', DATE '2024-01-02', 185.64, 1000),"
                    + " ('AAPL', DATE '2024-01-03', 184.25, 2000), ('MSFT', DATE '2024-01-02', 370.87, 5)");
          }
          return null;
        });

    ExportResult r =
        export(
            ExportKind.prices,
            ExportFormat.csv,
            "p.csv",
            new ExportFilters(null, "AAPL", null, LocalDate.of(2024, 1, 2), null));

    assertThat(r.rows()).isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve("p.csv")))
        .contains("# date_range: 2024-01-02..2024-01-02", "AAPL,2024-01-02,,,,185.640000,,1000")
        .noneMatch(l -> l.startsWith("# accounts"));
  }

  @Test
  void netWorthHistoryExportsTheStoredDailySnapshotsOfTheChosenAccount() throws IOException {
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "INSERT INTO portfolio_snapshots (date, account_id, currency, value, cash) VALUES"
                    + " (DATE '2024-01-02', 1, 'USD', 1000.5, 10),"
                    + " (DATE '2024-01-03', 1, 'USD', 1010.25, 10),"
                    + " (DATE '2024-01-03', 2, 'USD', 500, 500)");
          }
          return null;
        });

    ExportResult r =
        export(
            ExportKind.netWorthHistory,
            ExportFormat.csv,
            "nw.csv",
            new ExportFilters(1L, null, LocalDate.of(2024, 1, 3), null, null));

    assertThat(r.rows()).isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve("nw.csv")))
        .contains("# accounts: 1 Brokerage", "date,account_id,account,currency,value,cash")
        .contains("2024-01-03,1,Brokerage,USD,1010.2500,10.0000");
    assertThatThrownBy(
            () ->
                export(
                    ExportKind.netWorthHistory,
                    ExportFormat.csv,
                    "x.csv",
                    new ExportFilters(null, "AAPL", null, null, null)))
        .extracting(e -> ((RpcException) e).field())
        .isEqualTo("filters.symbol");
  }

  /** A recompute leaves disposal pieces pending; the realized export stores them first. */
  @Test
  void theRealizedExportIncludesDisposalsARecomputeLeftPending() throws IOException {
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO disposals_pending VALUES (1, 'AAPL')");
          }
          return null;
        });

    ExportResult r = export(ExportKind.realized, ExportFormat.csv, "realized.csv");

    // 4 of the 10 bought for 1,206 (fee included) sold for 599 net, more than a year later
    assertThat(r.rows()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("realized.csv")))
        .contains(
            ",AAPL,2,1,2021-03-04,2022-05-06,4.00000000,599.000000,482.400000,116.600000,LONG");
  }

  @Test
  void anEmptyExportStillHasItsHeader() throws IOException {
    ExportResult r = export(ExportKind.realized, ExportFormat.csv, "empty.csv");

    assertThat(r.rows()).isZero();
    assertThat(Files.readAllLines(dir.resolve("empty.csv")))
        .contains("# accounts: none", "# rows: 0")
        .filteredOn(l -> !l.startsWith("#") && !l.isEmpty())
        .containsExactly(
            "account_id,account,symbol,transaction_id,lot_id,acquired,sold,quantity,proceeds,"
                + "cost_basis,gain,term");
  }

  @Test
  void everyTableKindExportsInEveryFormat() {
    for (ExportKind kind :
        List.of(
            ExportKind.transactions, ExportKind.holdings, ExportKind.lots, ExportKind.realized)) {
      for (ExportFormat format : ExportFormat.values()) {
        ExportResult r = export(kind, format, kind + "." + format);
        assertThat(Files.exists(Path.of(r.path()))).isTrue();
        assertThat(r.bytes()).isPositive();
      }
    }
  }

  @Test
  void aSnapshotIsAConsistentCopyThatOpensWithTheSameData() throws Exception {
    DataSnapshot snap =
        new Snapshotter(db, dataDir)
            .snapshot(new DataSnapshotParams(dir.resolve("snap.duckdb").toString()));

    assertThat(snap.schemaVersion()).isEqualTo(db.schemaVersion());
    assertThat(snap.sha256()).hasSize(64);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + snap.path());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), sum(amount) FROM transactions")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(5);
      assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("-119.5"));
    }
    assertThatThrownBy(
            () -> new Snapshotter(db, dataDir).snapshot(new DataSnapshotParams(snap.path())))
        .extracting(e -> ((RpcException) e).field())
        .isEqualTo("path");
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> a = Files.list(dataDir.resolve(AtomicTarget.TMP_DIR));
        Stream<Path> b = Files.list(dir)) {
      return Stream.concat(a, b.filter(p -> p.getFileName().toString().startsWith("."))).toList();
    }
  }
}

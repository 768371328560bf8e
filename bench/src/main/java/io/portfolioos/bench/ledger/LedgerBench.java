package io.portfolioos.bench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.bench.BenchFiles;
import io.portfolioos.contract.Empty;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.ledger.Account;
import io.portfolioos.contract.ledger.AccountCreateParams;
import io.portfolioos.contract.ledger.AccountDeleteParams;
import io.portfolioos.contract.ledger.AccountType;
import io.portfolioos.contract.ledger.AccountUpdateParams;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.Holding;
import io.portfolioos.contract.ledger.HoldingsParams;
import io.portfolioos.contract.ledger.ImportCsvParams;
import io.portfolioos.contract.ledger.ImportResult;
import io.portfolioos.contract.ledger.LedgerMethods;
import io.portfolioos.contract.ledger.RealizedParams;
import io.portfolioos.shell.sidecar.SidecarClient;
import io.portfolioos.shell.sidecar.SidecarSettings;
import io.portfolioos.shell.sidecar.SidecarState;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Ledger benchmark (issue 4): import 1,000,000 generic-CSV rows across 1,000 symbols through the
 * real sidecar process ({@code ledger.importCsv}, end to end: read, validate, fingerprint, insert,
 * FIFO lots), recompute FIFO lots for the whole book ({@code accounts.update} of the cost-basis
 * method), and read {@code ledger.holdings} for the whole book. Baseline in the same run: plain
 * DuckDB {@code read_csv} of the same file into a table, no validation and no lots.
 *
 * <p>Run: {@code bench/run LedgerBench [rows] [symbols]}
 */
public final class LedgerBench {
  private LedgerBench() {}

  private static final int REALIZED_YEAR = 2010;

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int symbols = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Path jar = Path.of(System.getProperty("sidecar.jar", "sidecar/target/portfolioos-sidecar.jar"));
    Path work = Files.createTempDirectory("ledgerbench");
    try {
      Path csv = work.resolve("ledger.csv");
      long sells = generate(csv, rows, symbols);
      System.out.printf(
          "generated %,d rows (%,d sells) across %,d symbols: %,d MB%n",
          rows, sells, symbols, Files.size(csv) >> 20);

      long[] baseline = new long[3];
      for (int i = 0; i < baseline.length; i++) {
        baseline[i] = plainReadCsv(csv, work.resolve("baseline" + i + ".duckdb"));
      }
      Arrays.sort(baseline);

      // the sidecar runs as the app runs it, plus any options given for an experiment
      // (comma-separated)
      List<String> jvm = new ArrayList<>(SidecarSettings.defaultJvmOptions(jar));
      String extra = System.getProperty("sidecar.jvm.extra", "").strip();
      if (!extra.isEmpty()) {
        List<String> more = List.of(extra.split(","));
        if (more.stream().anyMatch(o -> o.matches("-XX:\\+Use\\w+GC"))) {
          // a collector given for the experiment replaces the app's
          jvm.removeIf(o -> o.matches("-XX:\\+Use\\w+GC"));
        }
        jvm.addAll(more);
      }
      System.out.printf("sidecar JVM options: %s%n", String.join(" ", jvm));
      try (SidecarClient client =
          new SidecarClient(SidecarSettings.defaults(jar, work.resolve("data"), jvm))) {
        client.start();
        while (client.state() != SidecarState.RUNNING) {
          if (client.state() == SidecarState.FAILED) {
            throw new IllegalStateException("sidecar failed: " + client.failure());
          }
          Thread.sleep(5);
        }
        long[] imports = new long[3];
        long[][] phases = new long[4][imports.length];
        long account = 0;
        for (int i = 0; i < imports.length; i++) {
          account =
              call(
                      client,
                      LedgerMethods.ACCOUNTS_CREATE,
                      new AccountCreateParams("bench " + i, AccountType.TAXABLE, null, null, null))
                  .id();
          // the import's progress notifications mark its phases (a notification sent less than
          // 100 ms after the previous one is dropped, so "importing" often is)
          Map<String, Long> marks = new ConcurrentHashMap<>();
          long t = System.nanoTime();
          JsonNode r =
              client
                  .send(
                      LedgerMethods.IMPORT_CSV.name(),
                      new ImportCsvParams(csv.toString(), account, null, false),
                      Duration.ofMinutes(15),
                      p -> marks.putIfAbsent(phase(p.message()), System.nanoTime()))
                  .result()
                  .get(15, TimeUnit.MINUTES);
          long end = System.nanoTime();
          imports[i] = end - t;
          if (r.path("imported").asLong() != rows) {
            throw new IllegalStateException("imported " + r.path("imported") + " of " + rows);
          }
          phases[0][i] = marks.getOrDefault("validating", t) - t;
          phases[1][i] =
              marks.getOrDefault("computing lots", t) - marks.getOrDefault("validating", t);
          phases[2][i] = marks.getOrDefault("done", t) - marks.getOrDefault("computing lots", t);
          phases[3][i] = end - marks.getOrDefault("done", end);
          if (i < imports.length - 1) {
            // keep the book at one account's million rows so every figure is about the same data
            call(client, LedgerMethods.ACCOUNTS_DELETE, new AccountDeleteParams(account, true));
          }
        }
        long t = System.nanoTime();
        ImportResult again =
            call(
                client,
                LedgerMethods.IMPORT_CSV,
                new ImportCsvParams(csv.toString(), account, null, false));
        long reimport = System.nanoTime() - t;

        long[] lots = new long[4];
        for (int i = 0; i < lots.length; i++) {
          CostBasisMethod m = i % 2 == 0 ? CostBasisMethod.LIFO : CostBasisMethod.FIFO;
          t = System.nanoTime();
          call(
              client,
              LedgerMethods.ACCOUNTS_UPDATE,
              new AccountUpdateParams(account, null, null, null, null, m));
          lots[i] = System.nanoTime() - t;
        }
        long[] fifo = {lots[1], lots[3]};
        Arrays.sort(fifo);

        // a recompute leaves the disposal pieces to their first reader (docs/ledger.md), so the
        // first ledger.realized after it stores all of them: that cost is printed beside FIFO's
        long[] realized = new long[2];
        int disposals = 0;
        for (int i = 0; i < realized.length; i++) {
          t = System.nanoTime();
          disposals =
              call(client, LedgerMethods.REALIZED, new RealizedParams(account, REALIZED_YEAR, null))
                  .size();
          realized[i] = System.nanoTime() - t;
        }

        long[] holdings = new long[21];
        int positions = 0;
        for (int i = 0; i < holdings.length; i++) {
          t = System.nanoTime();
          List<Holding> h = call(client, LedgerMethods.HOLDINGS, new HoldingsParams(null, null));
          holdings[i] = System.nanoTime() - t;
          positions = h.size();
        }
        Arrays.sort(holdings);
        List<Account> accounts = call(client, LedgerMethods.ACCOUNTS_LIST, Empty.INSTANCE);

        // the runs print in the order they ran (the first on a cold sidecar), the median sorted
        String importRuns = seconds(imports);
        Arrays.sort(imports);
        for (long[] ph : phases) {
          Arrays.sort(ph);
        }
        double importMedian = imports[1] / 1e9;
        System.out.printf(
            "ledger.importCsv (end to end, FIFO lots included)  median %6.2f s = %,9.0f rows/s"
                + "  (runs in order: %s; target >= 500,000 rows/s)%n",
            importMedian, rows / importMedian, importRuns);
        System.out.printf(
            "  its phases, median of each: read and type %.2f s, validate and insert %.2f s,"
                + " lots %.2f s, commit and answer %.2f s%n",
            phases[0][1] / 1e9, phases[1][1] / 1e9, phases[2][1] / 1e9, phases[3][1] / 1e9);
        System.out.printf(
            "baseline DuckDB read_csv into a table               median %6.2f s = %,9.0f rows/s"
                + "  -> the import costs %.1fx the bare read%n",
            baseline[1] / 1e9, rows / (baseline[1] / 1e9), (double) imports[1] / baseline[1]);
        System.out.printf(
            "re-import of the same file (all %,d duplicates)     %6.2f s%n",
            again.duplicates(), reimport / 1e9);
        System.out.printf(
            "FIFO lots for all %,d rows (accounts.update)      best %6.3f s  (runs: %s; target <= 1 s)%n",
            rows, fifo[0] / 1e9, seconds(lots));
        System.out.printf(
            "first ledger.realized {year %d} after it (stores every pending disposal piece) %6.3f s,"
                + " then %6.1f ms (%,d disposals that year)%n",
            REALIZED_YEAR, realized[0] / 1e9, realized[1] / 1e6, disposals);
        System.out.printf(
            "ledger.holdings, whole book (%,d positions, %d accounts) median %6.1f ms  (target <= 100 ms)%n",
            positions, accounts.size(), holdings[holdings.length / 2] / 1e6);
      }
    } finally {
      BenchFiles.deleteTree(work);
    }
  }

  private static <P, R> R call(SidecarClient client, Method<P, R> m, P params) throws Exception {
    return client.call(m, params).get(15, TimeUnit.MINUTES);
  }

  /** The import step a progress message names ("reading ledger.csv" is "reading"). */
  private static String phase(@Nullable String message) {
    return message == null ? "" : message.startsWith("reading") ? "reading" : message;
  }

  private static String seconds(long[] nanos) {
    List<String> out = new ArrayList<>();
    for (long n : nanos) {
      out.add(String.format("%.2f", n / 1e9));
    }
    return String.join(" ", out);
  }

  /** Plain DuckDB in this JVM: read_csv of the same file into a table of the same shape. */
  private static long plainReadCsv(Path csv, Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement s = c.createStatement()) {
      long t = System.nanoTime();
      s.execute(
          "CREATE TABLE t AS SELECT * FROM read_csv('"
              + csv
              + "', header = true, auto_detect = false, columns = {'date': 'DATE', 'type': 'VARCHAR',"
              + " 'symbol': 'VARCHAR', 'quantity': 'DECIMAL(18,8)', 'price': 'DECIMAL(18,8)',"
              + " 'fees': 'DECIMAL(18,6)', 'amount': 'DECIMAL(18,6)', 'currency': 'VARCHAR',"
              + " 'ratio': 'VARCHAR', 'description': 'VARCHAR'})");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
        rs.next();
      }
      return System.nanoTime() - t;
    }
  }

  /**
   * Day by day, each row a buy (2/3) or a sale of part of what is held (1/3) of a random symbol;
   * never sells more than held, so the whole file imports.
   */
  private static long generate(Path csv, int rows, int symbols) throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    long[] held = new long[symbols];
    long sells = 0;
    LocalDate day = LocalDate.of(2000, 1, 3);
    int perDay = Math.max(1, rows / 7000);
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("date,type,symbol,quantity,price,fees,amount,currency,ratio,description\n");
      for (int i = 0; i < rows; i++) {
        if (i % perDay == 0 && i > 0) {
          day = day.plusDays(1);
        }
        int s = random.nextInt(symbols);
        int price = 10 + random.nextInt(500);
        int cents = random.nextInt(100);
        boolean sell = held[s] > 1 && random.nextInt(3) == 0;
        long qty = sell ? 1 + random.nextLong(held[s]) / 2 : 1 + random.nextInt(100);
        held[s] += sell ? -qty : qty;
        sells += sell ? 1 : 0;
        w.write(day.toString());
        w.write(sell ? ",SELL,S" : ",BUY,S");
        w.write(Integer.toString(s));
        w.write(',');
        w.write(Long.toString(qty));
        w.write(',');
        w.write(price + "." + (cents < 10 ? "0" : "") + cents);
        w.write(",1.00,,USD,,\n");
      }
    }
    return sells;
  }
}

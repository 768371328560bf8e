package io.portfolioos.bench.market;

import com.sun.net.httpserver.HttpServer;
import io.portfolioos.bench.BenchFiles;
import io.portfolioos.contract.market.MarketConfigureParams;
import io.portfolioos.contract.market.MarketSource;
import io.portfolioos.contract.market.MarketSyncPricesParams;
import io.portfolioos.contract.market.MarketSyncResult;
import io.portfolioos.contract.market.SourceKind;
import io.portfolioos.contract.portfolio.HistoryParams;
import io.portfolioos.contract.portfolio.ValuePoint;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.market.MarketModule;
import io.portfolioos.sidecar.rpc.RequestContext;
import io.portfolioos.sidecar.valuation.ValuationModule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times the two market targets, each beside a baseline measured in the same run:
 *
 * <ul>
 *   <li>{@code market.syncPrices} of 500 symbols × 10 years of daily bars from a local fake Yahoo
 *       (target ≤ 10 s) — baseline: the same 500 GETs with the same client and concurrency, bodies
 *       read and dropped (no parsing, no database);
 *   <li>{@code portfolio.history} over 10 years daily for 200 holdings (target ≤ 100 ms) —
 *       baseline: a plain DuckDB scan-and-aggregate over the same price rows ({@code SELECT date,
 *       sum(close) FROM prices GROUP BY date}).
 * </ul>
 *
 * Run with {@code bench/run MarketBench}.
 */
public final class MarketBench {
  private MarketBench() {}

  private static final LocalDate FROM = LocalDate.of(2015, 1, 1);
  private static final LocalDate TO = LocalDate.of(2024, 12, 31);
  private static final int SYMBOLS = 500;
  private static final int HOLDINGS = 200;

  /** Distinct bodies the fake serves (the symbol does not change the parse or write work). */
  private static final int BODIES = 25;

  public static void main(String[] args) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "MarketBench: %d cores, %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    // "sync" or "history" runs one half (each prints its own same-run baseline); default both
    List<String> parts = args.length == 0 ? List.of("sync", "history") : List.of(args);
    if (parts.contains("sync")) {
      sync();
    }
    if (parts.contains("history")) {
      history();
    }
  }

  // ---- sync ---------------------------------------------------------------------------------

  private static void sync() throws Exception {
    byte[][] bodies = new byte[BODIES][];
    for (int i = 0; i < BODIES; i++) {
      bodies[i] = payload(i).getBytes(StandardCharsets.UTF_8);
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/v8/finance/chart/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          int n = Integer.parseInt(path.substring(path.lastIndexOf('S') + 1));
          byte[] body = bodies[n % BODIES];
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
          }
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    List<String> symbols = new ArrayList<>();
    for (int i = 0; i < SYMBOLS; i++) {
      symbols.add("S" + i);
    }
    long rows = 0;
    for (byte[] b : bodies) {
      rows = Math.max(rows, b.length);
    }
    System.out.printf(
        Locale.ROOT,
        "sync: %d symbols x %s..%s from a local fake Yahoo (%d KB per body)%n",
        SYMBOLS,
        FROM,
        TO,
        rows / 1024);
    HttpClient client = HttpClient.newHttpClient();
    double[] raw = new double[5];
    double[] full = new double[3];
    rawFetch(client, base, symbols); // warm-up
    fullSync(base, symbols);
    for (int i = 0; i < raw.length; i++) {
      raw[i] = rawFetch(client, base, symbols);
    }
    for (int i = 0; i < full.length; i++) {
      full[i] = fullSync(base, symbols);
    }
    server.stop(0);
    double rawMs = median(raw);
    double fullMs = median(full);
    System.out.printf(
        Locale.ROOT,
        "  baseline raw HTTP GET x %d (concurrency 8, no parse/store): median %8.1f ms%n",
        SYMBOLS,
        rawMs);
    System.out.printf(
        Locale.ROOT,
        "  market.syncPrices %d symbols into a fresh DuckDB file:       median %8.1f ms"
            + "  (%.1fx baseline; target <= 10000 ms %s)%n",
        SYMBOLS,
        fullMs,
        fullMs / rawMs,
        fullMs <= 10_000 ? "MET" : "MISSED");
  }

  private static double rawFetch(HttpClient client, String base, List<String> symbols)
      throws Exception {
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
      List<Future<Integer>> all = new ArrayList<>();
      for (String s : symbols) {
        URI uri =
            URI.create(
                base
                    + "/v8/finance/chart/"
                    + s
                    + "?period1="
                    + FROM.atStartOfDay().toEpochSecond(ZoneOffset.UTC)
                    + "&period2="
                    + TO.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC)
                    + "&interval=1d&events=div%2Csplits");
        all.add(
            pool.submit(
                () ->
                    client
                        .send(
                            HttpRequest.newBuilder(uri).GET().build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body()
                        .length()));
      }
      for (Future<Integer> f : all) {
        f.get();
      }
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double fullSync(String base, List<String> symbols) throws IOException {
    Path dir = Files.createTempDirectory("market-bench");
    try (Database db = Database.open(dir.resolve("analytics.duckdb"))) {
      MarketModule market = MarketModule.create(db);
      market.configure(
          new MarketConfigureParams(
              List.of(new MarketSource("fake", SourceKind.yahoo, base, 10_000, true, null))));
      long t0 = System.nanoTime();
      MarketSyncResult r =
          market.syncPrices(new MarketSyncPricesParams(symbols, FROM, TO), RequestContext.NONE);
      double ms = (System.nanoTime() - t0) / 1e6;
      if (r.ok() != SYMBOLS) {
        throw new IllegalStateException("sync failed: " + r.items().getFirst());
      }
      return ms;
    } finally {
      BenchFiles.deleteTree(dir);
    }
  }

  /** A 10-year chart body in Yahoo's shape, with its binary-float noise digits. */
  private static String payload(int seed) {
    StringBuilder ts = new StringBuilder();
    StringBuilder o = new StringBuilder();
    StringBuilder h = new StringBuilder();
    StringBuilder l = new StringBuilder();
    StringBuilder c = new StringBuilder();
    StringBuilder v = new StringBuilder();
    StringBuilder a = new StringBuilder();
    int i = 0;
    for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      String sep = i == 0 ? "" : ",";
      double close = 20 + seed + i * 0.01 + Math.sin(i / 9.0);
      ts.append(sep).append(d.atTime(14, 30).toEpochSecond(ZoneOffset.UTC));
      o.append(sep).append((float) (close * 0.995));
      h.append(sep).append((float) (close * 1.01));
      l.append(sep).append((float) (close * 0.99));
      c.append(sep).append((float) close);
      v.append(sep).append(1_000_000 + i);
      a.append(sep).append((float) (close * 0.97));
      i++;
    }
    return "{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\",\"symbol\":\"S"
        + seed
        + "\",\"instrumentType\":\"EQUITY\",\"gmtoffset\":-18000,\"timezone\":\"EST\"},"
        + "\"timestamp\":["
        + ts
        + "],\"events\":{\"dividends\":{}},\"indicators\":{\"quote\":[{\"open\":["
        + o
        + "],\"high\":["
        + h
        + "],\"low\":["
        + l
        + "],\"close\":["
        + c
        + "],\"volume\":["
        + v
        + "]}],\"adjclose\":[{\"adjclose\":["
        + a
        + "]}]}}],\"error\":null}}";
  }

  // ---- history ------------------------------------------------------------------------------

  private static void history() throws Exception {
    Path dir = Files.createTempDirectory("valuation-bench");
    try (Database db = Database.open(dir.resolve("analytics.duckdb"))) {
      seed(db);
      ValuationModule valuation = ValuationModule.create(db);
      HistoryParams params = new HistoryParams(FROM, TO, null, "USD");
      List<ValuePoint> points = valuation.history(params);
      for (int i = 0; i < 10; i++) {
        valuation.history(params);
        plainQuery(db);
      }
      double[] hist = new double[21];
      double[] plain = new double[21];
      for (int i = 0; i < hist.length; i++) {
        long t0 = System.nanoTime();
        valuation.history(params);
        hist[i] = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        plainQuery(db);
        plain[i] = (System.nanoTime() - t0) / 1e6;
      }
      System.out.printf(
          Locale.ROOT,
          "history: %d holdings, %s..%s daily (%d points, last value %s)%n",
          HOLDINGS,
          FROM,
          TO,
          points.size(),
          points.getLast().value());
      System.out.printf(
          Locale.ROOT,
          "  baseline plain DuckDB SELECT date, sum(close) FROM prices GROUP BY date: median %7.1f"
              + " ms%n",
          median(plain));
      double h = median(hist);
      System.out.printf(
          Locale.ROOT,
          "  portfolio.history (positions x as-of prices, cash, flows, FX):          median %7.1f"
              + " ms  (%.1fx baseline; target <= 100 ms %s)%n",
          h,
          h / median(plain),
          h <= 100 ? "MET" : "MISSED");
    } finally {
      BenchFiles.deleteTree(dir);
    }
  }

  private static void plainQuery(Database db) {
    db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT date, sum(close) FROM prices GROUP BY date ORDER BY date")) {
            int n = 0;
            while (rs.next()) {
              n++;
            }
            return n;
          }
        });
  }

  /** 200 symbols of weekday prices, a deposit and 20 buys of each symbol spread over ten years. */
  private static void seed(Database db) {
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "INSERT INTO accounts (id, name, type, currency) VALUES (1, 'B', 'TAXABLE', 'USD')");
            s.execute(
                "INSERT INTO prices (symbol, date, close)"
                    + " SELECT 'S' || s.i, CAST(d.d AS DATE), CAST(20 + s.i + d.n * 0.01 AS DECIMAL(18, 6))"
                    + " FROM range("
                    + HOLDINGS
                    + ") s(i),"
                    + " (SELECT d, row_number() OVER (ORDER BY d) AS n FROM range(DATE '"
                    + FROM
                    + "', DATE '"
                    + TO
                    + "' + INTERVAL 1 DAY, INTERVAL 1 DAY) r(d)"
                    + "  WHERE dayofweek(d) NOT IN (0, 6)) d");
            s.execute(
                "INSERT INTO transactions (id, account_id, line, date, type, symbol, quantity,"
                    + " price, amount, currency, fingerprint)"
                    + " SELECT row_number() OVER (), 1, 0, DATE '"
                    + FROM
                    + "' + CAST(k * 180 + i AS INTEGER),"
                    + " 'BUY', 'S' || i, 10, 20 + i, 0, 'USD', hash(i, k)"
                    + " FROM range("
                    + HOLDINGS
                    + ") a(i), range(20) b(k)");
            s.execute(
                "INSERT INTO transactions (id, account_id, line, date, type, quantity, price,"
                    + " amount, currency, fingerprint)"
                    + " VALUES (1000000, 1, 0, DATE '"
                    + FROM
                    + "', 'DEPOSIT', 0, 0, 5000000, 'USD', 1)");
          }
          return null;
        });
  }

  private static double median(double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}

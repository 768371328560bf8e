package io.portfolioos.sidecar.market;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local Yahoo chart API speaking the real wire format: {@code chart.result[0]} with meta,
 * session-open timestamps, quote arrays with {@code null} days, adjclose, dividend and split
 * events; Yahoo's 404 body for unknown symbols; scripted faults; optional cookie/crumb check.
 */
final class FakeYahoo implements AutoCloseable {
  enum Fault {
    TOO_MANY_REQUESTS,
    SERVER_ERROR,
    TRUNCATED
  }

  /** One chart request as the server saw it. */
  record Hit(String symbol, LocalDate from, LocalDate to, boolean crumb) {}

  static final String CRUMB = "Xq3.crumb/7";

  private final HttpServer server;
  private final Set<String> known;
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final Map<String, LocalDate> truncatedFrom = new ConcurrentHashMap<>();
  final List<Hit> hits = new CopyOnWriteArrayList<>();
  volatile boolean requireCrumb;
  volatile int crumbHandshakes;

  FakeYahoo(Set<String> known) throws IOException {
    this.known = known;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/v8/finance/chart/", this::chart);
    server.createContext(
        "/cookie",
        ex -> {
          ex.getResponseHeaders().add("Set-Cookie", "A3=d=AQABBx; Path=/; HttpOnly");
          send(ex, 404, "text/html", "<html>Not Found</html>");
        });
    server.createContext(
        "/v1/test/getcrumb",
        ex -> {
          crumbHandshakes++;
          String cookie = ex.getRequestHeaders().getFirst("Cookie");
          if (cookie == null || !cookie.contains("A3=")) {
            send(ex, 401, "application/json", unauthorized());
          } else {
            send(ex, 200, "text/plain", CRUMB);
          }
        });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void fault(String symbol, Fault... sequence) {
    faults.computeIfAbsent(symbol, k -> new ArrayDeque<>()).addAll(List.of(sequence));
  }

  void alwaysTruncate(String symbol) {
    truncatedFrom.put(symbol, LocalDate.MIN);
  }

  /** Every request for {@code symbol} starting on or after {@code day} gets a cut-off body. */
  void truncateFrom(String symbol, LocalDate day) {
    truncatedFrom.put(symbol, day);
  }

  long hitsFor(String symbol) {
    return hits.stream().filter(h -> h.symbol().equals(symbol)).count();
  }

  private void chart(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String symbol =
        URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    LocalDate from = day(Long.parseLong(q.get("period1")));
    LocalDate toExclusive = day(Long.parseLong(q.get("period2")));
    boolean crumbOk = CRUMB.equals(q.get("crumb"));
    hits.add(new Hit(symbol, from, toExclusive.minusDays(1), crumbOk));
    if (requireCrumb && !crumbOk) {
      send(ex, 401, "application/json", unauthorized());
      return;
    }
    Deque<Fault> queue = faults.get(symbol);
    Fault fault = queue == null ? null : queue.poll();
    if (fault == Fault.TOO_MANY_REQUESTS) {
      ex.getResponseHeaders().add("Retry-After", "1");
      send(ex, 429, "text/plain", "Too Many Requests");
      return;
    }
    if (fault == Fault.SERVER_ERROR) {
      send(ex, 500, "text/html", "<html><body>Internal Server Error</body></html>");
      return;
    }
    if (!known.contains(symbol)) {
      send(
          ex,
          404,
          "application/json",
          "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
              + "\"description\":\"No data found, symbol may be delisted\"}}}");
      return;
    }
    String body = payload(symbol, from, toExclusive);
    LocalDate cutFrom = truncatedFrom.get(symbol);
    if (fault == Fault.TRUNCATED || (cutFrom != null && !from.isBefore(cutFrom))) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, bytes.length);
      OutputStream os = ex.getResponseBody();
      os.write(bytes, 0, bytes.length / 2);
      os.flush();
      // Drop the connection with half the promised bytes sent, as a reset proxy would.
      ex.close();
      return;
    }
    send(ex, 200, "application/json", body);
  }

  private static String unauthorized() {
    return "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Unauthorized\","
        + "\"description\":\"Invalid Crumb\"}}}";
  }

  /** The deterministic close of {@code symbol} on day index {@code i} (days since 2000-01-01). */
  static double close(String symbol, long i) {
    double base = 20 + Math.floorMod(symbol.hashCode(), 200);
    return Math.round((base * (1 + i * 0.0002) + Math.sin(i / 7.0)) * 10000) / 10000.0;
  }

  /** Yahoo sends some days as null in every array; here every 29th day since 2000. */
  static boolean isNullDay(LocalDate d) {
    return d.toEpochDay() % 29 == 0;
  }

  static boolean isWeekday(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  static String payload(String symbol, LocalDate from, LocalDate toExclusive) {
    boolean fx = symbol.endsWith("=X");
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
      if (isWeekday(d)) {
        days.add(d);
      }
    }
    StringBuilder ts = new StringBuilder();
    StringBuilder open = new StringBuilder();
    StringBuilder high = new StringBuilder();
    StringBuilder low = new StringBuilder();
    StringBuilder close = new StringBuilder();
    StringBuilder vol = new StringBuilder();
    StringBuilder adj = new StringBuilder();
    for (LocalDate d : days) {
      String sep = ts.isEmpty() ? "" : ",";
      // 09:30 New York is 14:30 UTC in winter and 13:30 UTC in summer; use the summer one.
      ts.append(sep).append(d.atTime(13, 30).toEpochSecond(ZoneOffset.UTC));
      if (isNullDay(d)) {
        for (StringBuilder sb : List.of(open, high, low, close, vol, adj)) {
          sb.append(sep).append("null");
        }
        continue;
      }
      long i = d.toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay();
      double c = fx ? 1.1 + (i % 10) / 1000.0 : close(symbol, i);
      open.append(sep).append(num(c * 0.995));
      high.append(sep).append(num(c * 1.01));
      low.append(sep).append(num(c * 0.99));
      close.append(sep).append(num(c));
      vol.append(sep).append(fx ? 0 : 1_000_000 + i);
      adj.append(sep).append(num(c * 0.98));
    }
    StringBuilder events = new StringBuilder();
    if (!fx) {
      List<String> divs = new ArrayList<>();
      for (LocalDate d : days) {
        if (d.getDayOfMonth() == 7 && d.getMonthValue() % 3 == 2 && !isNullDay(d)) {
          long t = d.atTime(13, 30).toEpochSecond(ZoneOffset.UTC);
          divs.add("\"" + t + "\":{\"amount\":0.205,\"date\":" + t + "}");
        }
      }
      List<String> splits = new ArrayList<>();
      LocalDate split = LocalDate.of(2020, 8, 31);
      if (symbol.equals("AAPL") && days.contains(split)) {
        long t = split.atTime(13, 30).toEpochSecond(ZoneOffset.UTC);
        splits.add(
            "\""
                + t
                + "\":{\"date\":"
                + t
                + ",\"numerator\":4.0,\"denominator\":1.0,\"splitRatio\":\"4:1\"}");
      }
      events.append(",\"events\":{\"dividends\":{").append(String.join(",", divs)).append("}");
      if (!splits.isEmpty()) {
        events.append(",\"splits\":{").append(String.join(",", splits)).append("}");
      }
      events.append("}");
    }
    String meta =
        "{\"currency\":\"USD\",\"symbol\":\""
            + symbol
            + "\",\"exchangeName\":\"NMS\",\"fullExchangeName\":\"NasdaqGS\","
            + "\"instrumentType\":\""
            + (fx ? "CURRENCY" : "EQUITY")
            + "\",\"firstTradeDate\":345479400,\"regularMarketTime\":1733173201,"
            + "\"hasPrePostMarketData\":true,\"gmtoffset\":-18000,\"timezone\":\"EST\","
            + "\"exchangeTimezoneName\":\"America/New_York\",\"regularMarketPrice\":239.59,"
            + "\"priceHint\":2,\"dataGranularity\":\"1d\",\"range\":\"\","
            + "\"validRanges\":[\"1d\",\"5d\",\"1mo\",\"3mo\",\"6mo\",\"1y\",\"2y\",\"5y\","
            + "\"10y\",\"ytd\",\"max\"]}";
    if (days.isEmpty()) {
      return "{\"chart\":{\"result\":[{\"meta\":"
          + meta
          + ",\"indicators\":{\"quote\":[{}],\"adjclose\":[{}]}}],\"error\":null}}";
    }
    return "{\"chart\":{\"result\":[{\"meta\":"
        + meta
        + ",\"timestamp\":["
        + ts
        + "]"
        + events
        + ",\"indicators\":{\"quote\":[{\"open\":["
        + open
        + "],\"low\":["
        + low
        + "],\"volume\":["
        + vol
        + "],\"close\":["
        + close
        + "],\"high\":["
        + high
        + "]}],\"adjclose\":[{\"adjclose\":["
        + adj
        + "]}]}}],\"error\":null}}";
  }

  /** Like Yahoo's: binary floats with their noise digits. */
  private static String num(double v) {
    return Double.toString((float) v);
  }

  private static LocalDate day(long epochSeconds) {
    return LocalDate.ofEpochDay(Math.floorDiv(epochSeconds, 86_400L));
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      out.put(
          URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "FakeYahoo[%s, %d hits]", baseUrl(), hits.size());
  }
}

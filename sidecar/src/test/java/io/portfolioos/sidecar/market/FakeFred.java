package io.portfolioos.sidecar.market;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local FRED {@code /fred/series/observations} in the documented JSON shape: monthly CPIAUCSL
 * with a {@code "."} (missing) value, FRED's 400 bodies for an unknown series and a bad key.
 */
final class FakeFred implements AutoCloseable {
  static final String KEY = "abcdef0123456789abcdef0123456789";

  private final HttpServer server;
  final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

  FakeFred() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/fred/series/observations", this::observations);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void observations(HttpExchange ex) throws IOException {
    Map<String, String> q = FakeYahoo.query(ex.getRequestURI().getRawQuery());
    requests.add(q);
    if (!KEY.equals(q.get("api_key"))) {
      FakeYahoo.send(
          ex,
          400,
          "application/json",
          "{\"error_code\":400,\"error_message\":\"Bad Request.  The value for variable api_key"
              + " is not registered.  Read https://fred.stlouisfed.org/docs/api/api_key.html for"
              + " more information.\"}");
      return;
    }
    if (!"CPIAUCSL".equals(q.get("series_id"))) {
      FakeYahoo.send(
          ex,
          400,
          "application/json",
          "{\"error_code\":400,\"error_message\":\"Bad Request.  The series does not exist.\"}");
      return;
    }
    LocalDate start = LocalDate.parse(q.get("observation_start"));
    LocalDate end = LocalDate.parse(q.get("observation_end"));
    StringBuilder obs = new StringBuilder();
    int count = 0;
    for (LocalDate d = start.withDayOfMonth(1); !d.isAfter(end); d = d.plusMonths(1)) {
      if (d.isBefore(start)) {
        continue;
      }
      String value =
          d.equals(LocalDate.of(2020, 4, 1))
              ? "."
              : String.valueOf(250 + (d.getYear() - 2000) * 12 + d.getMonthValue()) + ".125";
      obs.append(count++ == 0 ? "" : ",")
          .append("{\"realtime_start\":\"2024-01-05\",\"realtime_end\":\"2024-01-05\",\"date\":\"")
          .append(d)
          .append("\",\"value\":\"")
          .append(value)
          .append("\"}");
    }
    FakeYahoo.send(
        ex,
        200,
        "application/json",
        "{\"realtime_start\":\"2024-01-05\",\"realtime_end\":\"2024-01-05\",\"observation_start\":\""
            + start
            + "\",\"observation_end\":\""
            + end
            + "\",\"units\":\"lin\",\"output_type\":1,\"file_type\":\"json\","
            + "\"order_by\":\"observation_date\",\"sort_order\":\"asc\",\"count\":"
            + count
            + ",\"offset\":0,\"limit\":100000,\"observations\":["
            + obs
            + "]}");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package io.portfolioos.shell.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.portfolioos.contract.secrets.SecretValue;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.shell.app.ShellApp;
import io.portfolioos.shell.sidecar.SidecarSettings;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real shell and sidecar against a fake FRED: the data source the user set reaches the sidecar,
 * and the key from the secret store goes into the request without the UI sending it; the base
 * currency from preferences goes into valuation calls that name none.
 */
class MarketFeedsIT {
  private static final String KEY = "fred-key-0123456789abcdef";

  @TempDir Path dataDir;
  private HttpServer fred;
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private ShellApp app;

  @BeforeEach
  void start() throws Exception {
    fred = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fred.createContext(
        "/fred/series/observations",
        exchange -> {
          queries.add(exchange.getRequestURI().getRawQuery());
          byte[] body =
              ("{\"realtime_start\":\"2024-01-05\",\"count\":2,\"observations\":["
                      + "{\"date\":\"2020-01-01\",\"value\":\"259.127\"},"
                      + "{\"date\":\"2020-02-01\",\"value\":\".\"}]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    fred.start();
    app =
        new ShellApp(
            dataDir,
            SidecarSettings.defaults(
                Path.of(System.getProperty("sidecar.jar")), dataDir, List.of()));
    app.start();
    assertThat(app.awaitRunning(30_000)).isTrue();
  }

  @AfterEach
  void stop() {
    app.close();
    fred.stop(0);
  }

  private JsonNode call(String method, String params) throws Exception {
    ObjectNode answer =
        app.router()
            .route(method, Json.MAPPER.readTree(params), null, null)
            .get(60, TimeUnit.SECONDS);
    return answer;
  }

  @Test
  void aMacroSyncUsesTheConfiguredSourceAndTheStoredKeyWhichNeverComesBack() throws Exception {
    JsonNode updated =
        call(
            "dataSources.update",
            "{\"id\":\"fred\",\"baseUrl\":\"http://127.0.0.1:"
                + fred.getAddress().getPort()
                + "\"}");
    assertThat(updated.path("ok").asBoolean()).as(updated.toString()).isTrue();

    JsonNode withoutKey = call("market.syncMacro", "{\"seriesIds\":[\"CPIAUCSL\"]}");
    assertThat(withoutKey.toString()).contains("UNAUTHORIZED");
    assertThat(queries).isEmpty();

    app.secrets().set(new SecretValue("fred", KEY));
    JsonNode synced = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    // the sidecar is configured asynchronously after the update; retry until it uses our server
    while (queries.isEmpty() && System.nanoTime() < deadline) {
      synced = call("market.syncMacro", "{\"seriesIds\":[\"CPIAUCSL\"]}");
      if (queries.isEmpty()) {
        Thread.sleep(200);
      }
    }
    assertThat(queries).as("the fake FRED was never asked: %s", synced).isNotEmpty();
    assertThat(queries.getFirst()).contains("series_id=CPIAUCSL").contains("api_key=" + KEY);
    assertThat(synced.toString()).doesNotContain(KEY);

    JsonNode observations = call("market.macro", "{\"seriesId\":\"CPIAUCSL\"}");
    assertThat(observations.path("data").toString()).contains("259.127");
    assertThat(Files.readString(dataDir.resolve("logs/sidecar.log"))).doesNotContain(KEY);
  }

  @Test
  void valuationsUseTheBaseCurrencyFromPreferencesUnlessTheCallNamesOne() throws Exception {
    assertThat(call("portfolio.netWorth", "{}").path("data").path("currency").asText())
        .isEqualTo("USD");

    JsonNode bad = call("settings.set", "{\"key\":\"portfolio.baseCurrency\",\"value\":\"euro\"}");
    assertThat(bad.path("error").path("code").asText()).isEqualTo("INVALID_PARAMS");
    JsonNode set = call("settings.set", "{\"key\":\"portfolio.baseCurrency\",\"value\":\"EUR\"}");
    assertThat(set.path("ok").asBoolean()).as(set.toString()).isTrue();

    assertThat(call("portfolio.netWorth", "{}").path("data").path("currency").asText())
        .isEqualTo("EUR");
    assertThat(call("portfolio.performance", "{}").path("data").path("currency").asText())
        .isEqualTo("EUR");
    assertThat(call("portfolio.growth", "{}").path("data").path("currency").asText())
        .isEqualTo("EUR");
    assertThat(
            call("portfolio.netWorth", "{\"currency\":\"GBP\"}")
                .path("data")
                .path("currency")
                .asText())
        .isEqualTo("GBP");
  }
}

package io.portfolioos.sidecar.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.sidecar.LineProcess;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** market.* and portfolio.* over the real sidecar process, against a local fake Yahoo. */
class MarketJarIT {
  @TempDir Path dataDir;

  private static String call(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"%s\",\"params\":%s}"
        .formatted(id, method, params);
  }

  @Test
  void configuresSyncsWithProgressReadsBackAndNamesBadFields() throws Exception {
    try (FakeYahoo yahoo = new FakeYahoo(Set.of("AAPL", "MSFT"));
        LineProcess sidecar =
            LineProcess.start(
                LineProcess.sidecarCommand(dataDir),
                dataDir.resolveSibling(dataDir.getFileName() + "-stderr.log"))) {
      JsonNode configured =
          sidecar.call(
              call(
                  1,
                  "market.configure",
                  "{\"sources\":[{\"name\":\"fake\",\"kind\":\"yahoo\",\"baseUrl\":\""
                      + yahoo.baseUrl()
                      + "\",\"ratePerSecond\":100,\"enabled\":true}]}"));
      assertThat(configured.at("/result/sources").size()).isEqualTo(2);

      sidecar.send(
          call(
              2,
              "market.syncPrices",
              "{\"symbols\":[\"AAPL\",\"NOPE\",\"MSFT\"],\"from\":\"2020-08-01\","
                  + "\"to\":\"2020-09-30\"}"));
      boolean sawProgress = false;
      JsonNode reply;
      while (true) {
        JsonNode n = sidecar.next();
        if (n.has("id")) {
          reply = n;
          break;
        }
        sawProgress |= "$/progress".equals(n.path("method").asText());
      }
      assertThat(sawProgress).isTrue();
      assertThat(reply.at("/result/ok").asInt()).isEqualTo(2);
      assertThat(reply.at("/result/notFound").asInt()).isEqualTo(1);
      assertThat(reply.at("/result/items/1/status").asText()).isEqualTo("notFound");

      JsonNode prices =
          sidecar.call(call(3, "market.prices", "{\"symbol\":\"aapl\",\"from\":\"2020-08-03\"}"));
      assertThat(prices.at("/result/0/date").asText()).isEqualTo("2020-08-03");
      assertThat(prices.at("/result/0/close").isTextual()).isTrue();

      JsonNode validation = sidecar.call(call(4, "market.validate", "{\"symbol\":\"AAPL\"}"));
      assertThat(validation.at("/result/gaps").toString()).contains("2020-08-28");

      JsonNode bad = sidecar.call(call(5, "market.prices", "{\"symbol\":\"\"}"));
      assertThat(bad.at("/error/code").asInt()).isEqualTo(-32602);
      assertThat(bad.at("/error/data/field").asText()).isEqualTo("symbol");

      JsonNode noKey = sidecar.call(call(6, "market.syncMacro", "{\"seriesIds\":[\"CPIAUCSL\"]}"));
      assertThat(noKey.at("/error/data/code").asText()).isEqualTo("UNAUTHORIZED");

      JsonNode worth = sidecar.call(call(7, "portfolio.netWorth", "{\"currency\":\"EUR\"}"));
      assertThat(worth.at("/result/currency").asText()).isEqualTo("EUR");
      assertThat(worth.at("/result/total").asText()).isEqualTo("0.0000");
    }
  }
}

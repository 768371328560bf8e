package io.portfolioos.sidecar.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.sidecar.LineProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulation.* over the real sidecar process and its JSON-RPC pipes. */
class SimulationJarIT {
  @TempDir Path dataDir;

  private static final String CONFIG =
      """
      {"initialPortfolio": 1000000, "years": 30, "trials": %d, "seed": 42,
       "allocation": {"stocks": 0.6, "bonds": 0.4},
       "returns": {"model": "bootstrap", "blockYears": 5},
       "withdrawal": {"strategy": "guytonKlinger", "rate": %s}}
      """;

  private static String run(int id, int trials, String rate) {
    return ("{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"simulation.run\",\"params\":{\"config\":%s}}")
        .formatted(id, CONFIG.formatted(trials, rate).replace("\n", " "));
  }

  private LineProcess start() throws Exception {
    return LineProcess.start(
        LineProcess.sidecarCommand(dataDir),
        dataDir.resolveSibling(dataDir.getFileName() + "-stderr.log"));
  }

  @Test
  void runsAMonteCarloWithProgressAndNamesABadField() throws Exception {
    try (LineProcess sidecar = start()) {
      sidecar.send(run(1, 100_000, "0.05"));
      JsonNode reply;
      boolean sawProgress = false;
      while (true) {
        JsonNode n = sidecar.next();
        if (n.has("id")) {
          reply = n;
          break;
        }
        if ("$/progress".equals(n.path("method").asText())) {
          sawProgress |= n.at("/params/id").asInt() == 1;
        }
      }
      assertThat(sawProgress).isTrue();
      assertThat(reply.at("/result/trials").asInt()).isEqualTo(100_000);
      assertThat(reply.at("/result/successRate").asDouble()).isBetween(0.5, 1.0);
      assertThat(reply.at("/result/percentiles/p50").size()).isEqualTo(31);
      assertThat(reply.at("/result/percentiles/p50/0").asDouble()).isEqualTo(1_000_000.0);

      JsonNode bad = sidecar.call(run(2, 1000, "-0.01"));
      assertThat(bad.at("/error/code").asInt()).isEqualTo(-32602);
      assertThat(bad.at("/error/data/field").asText()).isEqualTo("config.withdrawal.rate");
    }
  }

  @Test
  void aCancelledRunAnswersCancelled() throws Exception {
    try (LineProcess sidecar = start()) {
      sidecar.send(run(7, 1_000_000, "0.05"));
      JsonNode first = sidecar.next();
      assertThat(first.path("method").asText()).isEqualTo("$/progress");
      sidecar.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":7}}");
      JsonNode reply = sidecar.nextReply();
      assertThat(reply.at("/error/data/code").asText()).isEqualTo("CANCELLED");
    }
  }
}

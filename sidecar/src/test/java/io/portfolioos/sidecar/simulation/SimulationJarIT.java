package io.portfolioos.sidecar.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.sidecar.LineProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void everyRunIsStoredListedExportedAndDeletable() throws Exception {
    try (LineProcess sidecar = start()) {
      JsonNode first = sidecar.call(run(1, 2000, "0.04")).get("result");
      JsonNode second = sidecar.call(run(2, 3000, "0.05")).get("result");
      long runId = second.get("runId").asLong();
      assertThat(runId).isGreaterThan(first.get("runId").asLong());

      JsonNode runs = sidecar.call(request(3, "simulation.runs", "{\"limit\": 10}")).get("result");
      assertThat(runs).hasSize(2);
      assertThat(runs.at("/0/runId").asLong()).isEqualTo(runId);
      assertThat(runs.at("/0/trials").asInt()).isEqualTo(3000);
      assertThat(runs.at("/0/successRate").asDouble())
          .isEqualTo(second.get("successRate").asDouble());
      assertThat(runs.at("/0/config/withdrawal/rate").asDouble()).isEqualTo(0.05);

      Path csv = dataDir.resolveSibling("run.csv");
      JsonNode export =
          sidecar.call(
              request(
                  4,
                  "data.export",
                  "{\"kind\": \"simulation\", \"format\": \"csv\", \"path\": \"%s\",".formatted(csv)
                      + " \"filters\": {\"runId\": %d}}".formatted(runId)));
      assertThat(export.has("error")).as("%s", export).isFalse();
      List<String> rows = Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).toList();
      assertThat(rows.get(0))
          .isEqualTo("run_id,created_at,trials,year,p5,p10,p25,p50,p75,p90,p95,depleted");
      assertThat(rows).hasSize(1 + 31);
      String[] last = rows.get(31).split(",");
      assertThat(last[0]).isEqualTo(Long.toString(runId));
      assertThat(last[3]).isEqualTo("30");
      assertThat(Double.parseDouble(last[7])).isEqualTo(second.get("medianTerminal").asDouble());
      int depleted = 0;
      for (String row : rows.subList(1, rows.size())) {
        depleted += Integer.parseInt(row.split(",")[11]);
      }
      int expected = 0;
      for (JsonNode n : second.get("depletionYears")) {
        expected += n.asInt();
      }
      assertThat(depleted).isEqualTo(expected);

      assertThat(
              sidecar
                  .call(request(5, "simulation.deleteRun", "{\"runId\": %d}".formatted(runId)))
                  .at("/result/runId")
                  .asLong())
          .isEqualTo(runId);
      assertThat(sidecar.call(request(6, "simulation.runs", "{}")).get("result")).hasSize(1);
      JsonNode again =
          sidecar.call(request(7, "simulation.deleteRun", "{\"runId\": %d}".formatted(runId)));
      assertThat(again.at("/error/data/code").asText()).isEqualTo("NOT_FOUND");
      assertThat(again.at("/error/data/field").asText()).isEqualTo("runId");
    }
  }

  private static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"%s\",\"params\":%s}"
        .formatted(id, method, params);
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

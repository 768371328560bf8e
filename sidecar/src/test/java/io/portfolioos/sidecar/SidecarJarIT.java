package io.portfolioos.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged sidecar jar, started as the shell starts it. */
class SidecarJarIT {
  @TempDir Path dataDir;

  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"system.ping\"}";

  private LineProcess start(String... extra) throws Exception {
    return LineProcess.start(
        LineProcess.sidecarCommand(dataDir, extra),
        dataDir.resolveSibling(dataDir.getFileName() + "-stderr.log"));
  }

  @Test
  void answersPingAndInfoThenShutsDownCleanlyOnStdinEof() throws Exception {
    try (LineProcess sidecar = start()) {
      JsonNode pong = sidecar.call(PING.formatted(1));
      assertThat(pong.at("/result/pong").asBoolean()).isTrue();
      assertThat(pong.at("/result/pid").asLong()).isPositive();
      JsonNode info = sidecar.call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"system.info\"}");
      assertThat(info.at("/result/sidecar/schemaVersion").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(info.at("/result/sidecar/duckdbVersion").asText()).startsWith("v");
      sidecar.closeStdin();
      assertThat(sidecar.waitForExit()).isZero();
    }
    assertThat(dataDir.resolve("analytics.duckdb")).exists();
  }

  @Test
  void aSecondSidecarOnALockedDataDirExitsWithCode3() throws Exception {
    try (LineProcess first = start()) {
      first.call(PING.formatted(1));
      try (LineProcess second = start()) {
        assertThat(second.waitForExit()).isEqualTo(3);
      }
      String log =
          Files.readString(
              dataDir.resolveSibling(dataDir.getFileName() + "-stderr.log"),
              StandardCharsets.UTF_8);
      assertThat(log).contains("is in use by another sidecar");
      assertThat(first.call(PING.formatted(2)).at("/result/pong").asBoolean()).isTrue();
    }
  }

  @Test
  void badInputNeverKillsItAndTheNextGoodRequestSucceeds() throws Exception {
    try (LineProcess sidecar = start("--max-line-bytes", "65536")) {
      assertThat(sidecar.call("{not json").at("/error/code").asInt()).isEqualTo(-32700);
      assertThat(
              sidecar
                  .call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system.ping\",\"params\":5}")
                  .at("/error/code")
                  .asInt())
          .isEqualTo(-32600);
      assertThat(
              sidecar
                  .call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no.suchThing\"}")
                  .at("/error/code")
                  .asInt())
          .isEqualTo(-32601);
      assertThat(
              sidecar
                  .call(
                      "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"system.ping\",\"params\":{\"x\":1}}")
                  .at("/error/data/field")
                  .asText())
          .isEqualTo("x");
      assertThat(sidecar.call("\u0000\u00ff\ufffd garbage").at("/error/code").asInt())
          .isEqualTo(-32700);
      byte[] huge = ("[\"" + "y".repeat(200_000) + "\"]\n").getBytes(StandardCharsets.UTF_8);
      sidecar.sendRaw(huge);
      assertThat(sidecar.nextReply().at("/error/data/code").asText()).isEqualTo("LINE_TOO_LONG");
      StringBuilder flood = new StringBuilder();
      for (int i = 0; i < 20_000; i++) {
        flood.append(
            i % 2 == 0 ? "{\"jsonrpc\":\"2.0\",\"id\":" + (10 + i) + ",\"method\":7}\n" : "][\n");
      }
      sidecar.sendRaw(flood.toString().getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 20_000; i++) {
        assertThat(sidecar.nextReply().has("error")).isTrue();
      }
      assertThat(sidecar.call(PING.formatted(99)).at("/result/pong").asBoolean()).isTrue();
      assertThat(sidecar.isAlive()).isTrue();
    }
  }
}

package io.portfolioos.sidecar.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.sidecar.LineProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON-RPC 2.0 specification's examples (section 7), sent to a real process over real pipes,
 * get exactly the specified answers. Method names follow our dotted convention (subtract →
 * spec.subtract); everything else is the specification's text.
 */
class RpcServerIT {
  @TempDir static Path tmp;
  static LineProcess server;

  @BeforeAll
  static void start() throws Exception {
    List<String> cmd = new ArrayList<>(LineProcess.javaCommand());
    cmd.addAll(
        List.of("-cp", System.getProperty("java.class.path"), SpecServer.class.getName(), "4096"));
    server = LineProcess.start(cmd, tmp.resolve("stderr.log"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertResult(JsonNode reply, Object id, String result) throws Exception {
    assertThat(reply.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(reply.get("id")).isEqualTo(io.portfolioos.contract.wire.Json.MAPPER.valueToTree(id));
    assertThat(reply.get("result"))
        .isEqualTo(io.portfolioos.contract.wire.Json.MAPPER.readTree(result));
    assertThat(reply.has("error")).isFalse();
  }

  private static void assertError(JsonNode reply, Object id, int code) {
    assertThat(reply.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(reply.get("id")).isEqualTo(io.portfolioos.contract.wire.Json.MAPPER.valueToTree(id));
    assertThat(reply.path("error").path("code").asInt()).isEqualTo(code);
    assertThat(reply.path("error").path("message").asText()).isNotBlank();
    assertThat(reply.has("result")).isFalse();
  }

  @Test
  void positionalParameters() throws Exception {
    assertResult(
        server.call(
            "{\"jsonrpc\": \"2.0\", \"method\": \"spec.subtract\", \"params\": [42, 23], \"id\": 1}"),
        1,
        "19");
    assertResult(
        server.call(
            "{\"jsonrpc\": \"2.0\", \"method\": \"spec.subtract\", \"params\": [23, 42], \"id\": 2}"),
        2,
        "-19");
  }

  @Test
  void namedParameters() throws Exception {
    assertResult(
        server.call(
            "{\"jsonrpc\": \"2.0\", \"method\": \"spec.subtract\", \"params\": {\"subtrahend\": 23, \"minuend\": 42}, \"id\": 3}"),
        3,
        "19");
    assertResult(
        server.call(
            "{\"jsonrpc\": \"2.0\", \"method\": \"spec.subtract\", \"params\": {\"minuend\": 42, \"subtrahend\": 23}, \"id\": 4}"),
        4,
        "19");
  }

  @Test
  void notificationsGetNoReply() throws Exception {
    server.send("{\"jsonrpc\": \"2.0\", \"method\": \"spec.update\", \"params\": [1,2,3,4,5]}");
    server.send("{\"jsonrpc\": \"2.0\", \"method\": \"foobar\"}");
    assertThat(server.silentFor(300)).isTrue();
  }

  @Test
  void nonExistentMethod() throws Exception {
    assertError(
        server.call("{\"jsonrpc\": \"2.0\", \"method\": \"foobar\", \"id\": \"1\"}"), "1", -32601);
  }

  @Test
  void invalidJson() throws Exception {
    assertError(
        server.call("{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]"),
        null,
        -32700);
  }

  @Test
  void invalidRequestObject() throws Exception {
    assertError(
        server.call("{\"jsonrpc\": \"2.0\", \"method\": 1, \"params\": \"bar\"}"), null, -32600);
  }

  @Test
  void batchWithInvalidJson() throws Exception {
    assertError(
        server.call(
            "[ {\"jsonrpc\": \"2.0\", \"method\": \"spec.sum\", \"params\": [1,2,4], \"id\": \"1\"}, {\"jsonrpc\": \"2.0\", \"method\" ]"),
        null,
        -32700);
  }

  @Test
  void emptyBatch() throws Exception {
    JsonNode reply = server.call("[]");
    assertThat(reply.isObject()).isTrue();
    assertError(reply, null, -32600);
  }

  @Test
  void invalidBatchOfOne() throws Exception {
    JsonNode reply = server.call("[1]");
    assertThat(reply.isArray()).isTrue();
    assertThat(reply).hasSize(1);
    assertError(reply.get(0), null, -32600);
  }

  @Test
  void invalidBatchOfThree() throws Exception {
    JsonNode reply = server.call("[1,2,3]");
    assertThat(reply).hasSize(3);
    for (JsonNode r : reply) {
      assertError(r, null, -32600);
    }
  }

  @Test
  void mixedBatch() throws Exception {
    JsonNode reply =
        server.call(
            """
            [{"jsonrpc": "2.0", "method": "spec.sum", "params": [1,2,4], "id": "1"},\
            {"jsonrpc": "2.0", "method": "spec.notifyHello", "params": [7]},\
            {"jsonrpc": "2.0", "method": "spec.subtract", "params": [42,23], "id": "2"},\
            {"foo": "boo"},\
            {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},\
            {"jsonrpc": "2.0", "method": "spec.getData", "id": "9"}]""");
    assertThat(reply).hasSize(5);
    Set<String> seen = new HashSet<>();
    for (JsonNode r : reply) {
      String id = r.get("id").isNull() ? "null" : r.get("id").asText();
      seen.add(id);
      switch (id) {
        case "1" -> assertResult(r, "1", "7");
        case "2" -> assertResult(r, "2", "19");
        case "null" -> assertError(r, null, -32600);
        case "5" -> assertError(r, "5", -32601);
        case "9" -> assertResult(r, "9", "[\"hello\", 5]");
        default -> throw new AssertionError("unexpected reply " + r);
      }
    }
    assertThat(seen).containsExactlyInAnyOrder("1", "2", "null", "5", "9");
  }

  @Test
  void batchOfNotificationsGetsNothing() throws Exception {
    server.send(
        "[{\"jsonrpc\": \"2.0\", \"method\": \"spec.notifySum\", \"params\": [1,2,4]},"
            + "{\"jsonrpc\": \"2.0\", \"method\": \"spec.notifyHello\", \"params\": [7]}]");
    assertThat(server.silentFor(300)).isTrue();
  }

  @Test
  void writesNeverOverlapWhileReadsDo() throws Exception {
    StringBuilder burst = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      String method = i % 3 == 1 ? "probe.write" : "probe.read";
      burst
          .append("{\"jsonrpc\":\"2.0\",\"id\":")
          .append(100 + i)
          .append(",\"method\":\"")
          .append(method)
          .append("\",\"params\":{\"millis\":40}}\n");
    }
    server.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      ids.add(server.nextReply().get("id").asInt());
    }
    assertThat(ids).hasSize(12);
    JsonNode stats = server.call("{\"jsonrpc\":\"2.0\",\"id\":200,\"method\":\"probe.stats\"}");
    assertThat(stats.at("/result/maxConcurrentWrites").asInt()).isEqualTo(1);
    assertThat(stats.at("/result/maxConcurrentReads").asInt()).isGreaterThan(1);
  }

  @Test
  void repliesComeBackOutOfOrderWhenAFastReadOvertakesASlowOne() throws Exception {
    server.send(
        "{\"jsonrpc\":\"2.0\",\"id\":300,\"method\":\"probe.read\",\"params\":{\"millis\":500}}");
    server.send(
        "{\"jsonrpc\":\"2.0\",\"id\":301,\"method\":\"probe.read\",\"params\":{\"millis\":1}}");
    assertThat(server.nextReply().get("id").asInt()).isEqualTo(301);
    assertThat(server.nextReply().get("id").asInt()).isEqualTo(300);
  }

  @Test
  void progressIsNotifiedAndCancelStopsTheRequest() throws Exception {
    server.send(
        "{\"jsonrpc\":\"2.0\",\"id\":400,\"method\":\"probe.steps\",\"params\":{\"millis\":5000}}");
    JsonNode progress = server.next();
    assertThat(progress.path("method").asText()).isEqualTo("$/progress");
    assertThat(progress.at("/params/id").asInt()).isEqualTo(400);
    assertThat(progress.at("/params/total").asLong()).isEqualTo(5000);
    server.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":400}}");
    JsonNode reply = server.nextReply();
    assertThat(reply.get("id").asInt()).isEqualTo(400);
    assertThat(reply.at("/error/data/code").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void anOversizeLineIsRefusedAndTheNextRequestSucceeds() throws Exception {
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":500,\"method\":\"spec.subtract\",\"params\":[\""
            + "x".repeat(10_000)
            + "\"]}";
    JsonNode reply = server.call(big);
    assertError(reply, null, -32600);
    assertThat(reply.at("/error/data/code").asText()).isEqualTo("LINE_TOO_LONG");
    assertResult(
        server.call(
            "{\"jsonrpc\":\"2.0\",\"id\":501,\"method\":\"spec.subtract\",\"params\":[2,1]}"),
        501,
        "1");
  }

  @Test
  void wrongParamTypesNameTheField() throws Exception {
    JsonNode reply =
        server.call(
            "{\"jsonrpc\":\"2.0\",\"id\":600,\"method\":\"spec.sum\",\"params\":{\"a\":1,\"b\":\"two\",\"c\":3}}");
    assertError(reply, 600, -32602);
    assertThat(reply.at("/error/data/field").asText()).isEqualTo("b");
  }

  @Test
  void anErrorThrownByAHandlerIsAnsweredAsAnInternalErrorAndTheServerGoesOn() throws Exception {
    JsonNode reply = server.call("{\"jsonrpc\":\"2.0\",\"id\":700,\"method\":\"probe.error\"}");
    assertError(reply, 700, -32603);
    assertThat(reply.at("/error/data/code").asText()).isEqualTo("INTERNAL");
    assertThat(reply.toString()).doesNotContain("probe/Missing");
    assertResult(
        server.call(
            "{\"jsonrpc\":\"2.0\",\"id\":701,\"method\":\"spec.subtract\",\"params\":[2,1]}"),
        701,
        "1");
  }
}

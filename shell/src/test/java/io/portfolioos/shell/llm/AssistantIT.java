package io.portfolioos.shell.llm;

import static io.portfolioos.shell.llm.FakeProvider.OPENAI_DONE;
import static io.portfolioos.shell.llm.FakeProvider.anthropic;
import static io.portfolioos.shell.llm.FakeProvider.openAiFinish;
import static io.portfolioos.shell.llm.FakeProvider.openAiText;
import static io.portfolioos.shell.llm.FakeProvider.openAiToolArgs;
import static io.portfolioos.shell.llm.FakeProvider.openAiToolStart;
import static io.portfolioos.shell.llm.FakeProvider.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.shell.ipc.EventHub;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.sidecar.SidecarClient;
import io.portfolioos.shell.sidecar.SidecarSettings;
import io.portfolioos.shell.sidecar.SidecarState;
import io.portfolioos.shell.state.AppState;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assistant over the IPC router, against fake providers that speak the OpenAI and Anthropic
 * streaming formats, with tools answered by the real sidecar process.
 */
class AssistantIT {
  static final String KEY = "sk-test-Zq81xKeyThatMustNeverLeak";

  @TempDir static Path sidecarDir;
  @TempDir Path appDir;
  static SidecarClient sidecar;
  static final List<String> logs = new ArrayList<>();
  static final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          synchronized (logs) {
            logs.add(
                r.getMessage()
                    + " "
                    + java.util.Arrays.toString(r.getParameters())
                    + " "
                    + r.getThrown());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  final Map<String, String> keys = new ConcurrentHashMap<>();
  final LinkedBlockingQueue<JsonNode> chat = new LinkedBlockingQueue<>();
  final List<String> answers = new ArrayList<>();
  EventHub events;
  IpcRouter router;
  AppState state;
  Assistant assistant;
  FakeProvider fake;

  @BeforeAll
  static void startSidecar() throws Exception {
    Logger.getLogger("").addHandler(capture);
    Logger.getLogger("").setLevel(Level.ALL);
    sidecar =
        new SidecarClient(
            SidecarSettings.defaults(
                Path.of(System.getProperty("sidecar.jar")),
                sidecarDir,
                List.of("-XX:+UseSerialGC")));
    sidecar.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (sidecar.state() != SidecarState.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(sidecar.state()).isEqualTo(SidecarState.RUNNING);
  }

  @AfterAll
  static void stopSidecar() {
    sidecar.close();
    Logger.getLogger("").removeHandler(capture);
    synchronized (logs) {
      assertThat(String.join("\n", logs)).as("logs").doesNotContain(KEY).doesNotContain("Zq81x");
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    events = new EventHub();
    events.subscribe(
        (name, data) -> {
          if (name.equals("chat")) {
            try {
              chat.add(Json.MAPPER.readTree(data));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
    router = new IpcRouter(sidecar);
    state = AppState.open(appDir);
    assistant = new Assistant(state, keys::get, events);
    assistant.register(router);
    fake = new FakeProvider();
  }

  @AfterEach
  void tearDown() {
    assistant.close();
    state.close();
    fake.close();
    for (String a : answers) {
      assertThat(a).as("IPC answer").doesNotContain(KEY);
    }
  }

  ObjectNode call(String method, String params) throws Exception {
    ObjectNode r =
        router.route(method, Json.MAPPER.readTree(params), null, null).get(30, TimeUnit.SECONDS);
    answers.add(r.toString());
    return r;
  }

  JsonNode ok(String method, String params) throws Exception {
    ObjectNode r = call(method, params);
    assertThat(r.path("ok").asBoolean()).as(method + " → " + r).isTrue();
    return r.path("data");
  }

  String addProvider(String kind, String model) throws Exception {
    return ok(
            "llm.providers.add",
            "{\"name\":\"Fake "
                + kind
                + "\",\"kind\":\""
                + kind
                + "\",\"baseUrl\":\""
                + fake.baseUrl()
                + "\",\"model\":\""
                + model
                + "\"}")
        .path("id")
        .asText();
  }

  /** The chat events of one stream up to and including its done or error event. */
  List<JsonNode> streamOf(String streamId) throws InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    while (true) {
      JsonNode e = chat.poll(60, TimeUnit.SECONDS);
      assertThat(e).as("chat event of " + streamId).isNotNull();
      if (!e.path("streamId").asText().equals(streamId)) {
        continue;
      }
      out.add(e);
      String type = e.path("type").asText();
      if (type.equals("done") || type.equals("error")) {
        return out;
      }
    }
  }

  static String text(List<JsonNode> events) {
    StringBuilder b = new StringBuilder();
    for (JsonNode e : events) {
      if (e.path("type").asText().equals("token")) {
        b.append(e.path("text").asText());
      }
    }
    return b.toString();
  }

  static JsonNode last(List<JsonNode> events) {
    return events.getLast();
  }

  @Test
  void lmStudioIsTheLocalDefaultAndNeedsNoConsent() throws Exception {
    JsonNode providers = ok("llm.providers.list", "{}");
    assertThat(providers).hasSize(1);
    assertThat(providers.get(0).path("kind").asText()).isEqualTo("lmStudio");
    assertThat(providers.get(0).path("baseUrl").asText()).isEqualTo("http://localhost:1234/v1");
    assertThat(providers.get(0).path("isDefault").asBoolean()).isTrue();
    assertThat(providers.get(0).path("leavesMachine").asBoolean()).isFalse();
    assertThat(providers.get(0).path("consented").asBoolean()).isTrue();
  }

  @Test
  void openAiStreamRunsASimulationInTheRealSidecarAndIsSaved() throws Exception {
    String id = addProvider("openaiCompatible", "fake-model");
    fake.then(
            fake.sse(
                List.of(
                    openAiToolStart(0, "call_sim", "run_simulation"),
                    openAiToolArgs(0, "{\"initialPortfolio\": 1000000, \"ye"),
                    openAiToolArgs(0, "ars\": 30, \"withdrawalRate\": 0.04, \"trials\": 500000}"),
                    openAiFinish("tool_calls"),
                    OPENAI_DONE)))
        .then(
            fake.sse(
                List.of(
                    openAiText("You would "),
                    openAiText("**likely** be fine."),
                    openAiFinish("stop"),
                    OPENAI_DONE)));

    JsonNode started =
        ok(
            "llm.chat",
            "{\"message\":\"What if I retire with 1M at 4%?\",\"providerId\":\""
                + id
                + "\",\"streamId\":\"s1\"}");
    assertThat(started.path("leavesMachine").asBoolean()).isFalse();
    assertThat(started.path("model").asText()).isEqualTo("fake-model");
    List<JsonNode> stream = streamOf("s1");

    assertThat(last(stream).path("type").asText()).as(stream.toString()).isEqualTo("done");
    assertThat(text(stream)).isEqualTo("You would **likely** be fine.");
    JsonNode callEvent =
        stream.stream()
            .filter(e -> e.path("type").asText().equals("toolCall"))
            .findFirst()
            .orElseThrow();
    assertThat(callEvent.path("tool").asText()).isEqualTo("run_simulation");
    JsonNode result =
        stream.stream()
            .filter(e -> e.path("type").asText().equals("toolResult"))
            .findFirst()
            .orElseThrow();
    assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
    JsonNode sim = Json.MAPPER.readTree(result.path("result").asText());
    assertThat(sim.path("successRate").asDouble()).isBetween(0.5, 1.0);
    assertThat(sim.path("trials").asInt())
        .as("trials are clamped")
        .isEqualTo(ToolCatalog.MAX_TRIALS);

    List<FakeProvider.Received> requests = fake.received();
    assertThat(requests).hasSize(2);
    JsonNode first = Json.MAPPER.readTree(requests.get(0).body());
    assertThat(first.path("stream").asBoolean()).isTrue();
    assertThat(first.path("model").asText()).isEqualTo("fake-model");
    assertThat(first.path("tools").toString()).contains("run_simulation");
    JsonNode second = Json.MAPPER.readTree(requests.get(1).body());
    JsonNode toolMsg = second.path("messages").get(second.path("messages").size() - 1);
    assertThat(toolMsg.path("role").asText()).isEqualTo("tool");
    assertThat(toolMsg.path("tool_call_id").asText()).isEqualTo("call_sim");
    assertThat(toolMsg.path("content").asText()).contains("successRate");
    JsonNode assistantMsg = second.path("messages").get(second.path("messages").size() - 2);
    assertThat(assistantMsg.path("tool_calls").get(0).path("function").path("arguments").asText())
        .isEqualTo(
            "{\"initialPortfolio\": 1000000, \"years\": 30, \"withdrawalRate\": 0.04, \"trials\": 500000}");

    JsonNode conversation =
        ok(
            "llm.conversations.get",
            "{\"conversationId\":\"" + started.path("conversationId").asText() + "\"}");
    List<String> roles = new ArrayList<>();
    conversation.path("messages").forEach(m -> roles.add(m.path("role").asText()));
    assertThat(roles).containsExactly("user", "tool", "assistant");
    assertThat(conversation.path("title").asText()).isEqualTo("What if I retire with 1M at 4%?");
    assertThat(ok("llm.conversations.list", "{}")).hasSize(1);
  }

  @Test
  void anthropicStreamWithToolUseAndInputJsonDelta() throws Exception {
    keys.put("anthropic", KEY);
    String id = addProvider("anthropic", "claude-test");
    ok("llm.consent.set", "{\"providerId\":\"" + id + "\",\"granted\":true}");
    fake.then(
            fake.sse(
                List.of(
                    anthropic(
                        "message_start",
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-test\",\"stop_reason\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}"),
                    anthropic(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                    anthropic(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me check.\"}}"),
                    anthropic(
                        "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                    anthropic(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"run_simulation\",\"input\":{}}}"),
                    anthropic("ping", "{\"type\":\"ping\"}"),
                    anthropic(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"initialPortfolio\\\": 500000, \"}}"),
                    anthropic(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"years\\\": 25, \\\"withdrawalRate\\\": 0.05, \\\"trials\\\": 1000}\"}}"),
                    anthropic(
                        "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"),
                    anthropic(
                        "message_delta",
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":40}}"),
                    anthropic("message_stop", "{\"type\":\"message_stop\"}"))))
        .then(
            fake.sse(
                List.of(
                    anthropic(
                        "message_start",
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"content\":[]}}"),
                    anthropic(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                    anthropic(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"It mostly lasts.\"}}"),
                    anthropic(
                        "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                    anthropic(
                        "message_delta",
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}}"),
                    anthropic("message_stop", "{\"type\":\"message_stop\"}"))));

    JsonNode started =
        ok(
            "llm.chat",
            "{\"message\":\"Retire at 55?\",\"providerId\":\"" + id + "\",\"streamId\":\"a1\"}");
    assertThat(started.path("leavesMachine").asBoolean()).isTrue();
    List<JsonNode> stream = streamOf("a1");
    assertThat(last(stream).path("type").asText()).as(stream.toString()).isEqualTo("done");
    assertThat(text(stream)).isEqualTo("Let me check.It mostly lasts.");

    List<FakeProvider.Received> requests = fake.received();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).path()).isEqualTo("/v1/messages");
    assertThat(requests.get(0).headers().get("X-api-key")).containsExactly(KEY);
    assertThat(requests.get(0).headers().get("Anthropic-version")).containsExactly("2023-06-01");
    JsonNode first = Json.MAPPER.readTree(requests.get(0).body());
    assertThat(first.path("system").asText()).contains("PortfolioOS");
    assertThat(first.path("tools").toString()).contains("input_schema");
    JsonNode second = Json.MAPPER.readTree(requests.get(1).body());
    JsonNode msgs = second.path("messages");
    JsonNode use = msgs.get(msgs.size() - 2).path("content");
    assertThat(use.get(0).path("text").asText()).isEqualTo("Let me check.");
    assertThat(use.get(1).path("type").asText()).isEqualTo("tool_use");
    assertThat(use.get(1).path("input").path("years").asInt()).isEqualTo(25);
    JsonNode toolResult = msgs.get(msgs.size() - 1).path("content").get(0);
    assertThat(toolResult.path("type").asText()).isEqualTo("tool_result");
    assertThat(toolResult.path("tool_use_id").asText()).isEqualTo("toolu_1");
    assertThat(toolResult.path("content").asText()).contains("successRate");
  }

  @Test
  void aCloudProviderWithoutConsentReceivesNothingUntilTheUserAgrees() throws Exception {
    keys.put("openai", KEY);
    String id = addProvider("openai", "gpt-test");
    JsonNode view = ok("llm.providers.list", "{}").get(1);
    assertThat(view.path("leavesMachine").asBoolean()).isTrue();
    assertThat(view.path("consented").asBoolean()).isFalse();
    assertThat(view.path("keySet").asBoolean()).isTrue();

    ObjectNode refused = call("llm.chat", "{\"message\":\"hi\",\"providerId\":\"" + id + "\"}");
    assertThat(refused.path("error").path("code").asText()).isEqualTo("CONSENT_REQUIRED");
    assertThat(refused.path("error").path("message").asText()).contains("127.0.0.1");
    assertThat(fake.requests()).isZero();

    ok("llm.consent.set", "{\"providerId\":\"" + id + "\",\"granted\":true}");
    fake.then(fake.sse(List.of(openAiText("Hello"), OPENAI_DONE)));
    ok("llm.chat", "{\"message\":\"hi\",\"providerId\":\"" + id + "\",\"streamId\":\"c1\"}");
    assertThat(text(streamOf("c1"))).isEqualTo("Hello");
    assertThat(fake.requests()).isEqualTo(1);
    assertThat(fake.received().get(0).headers().get("Authorization"))
        .containsExactly("Bearer " + KEY);

    ok("llm.consent.set", "{\"providerId\":\"" + id + "\",\"granted\":false}");
    assertThat(
            call("llm.chat", "{\"message\":\"again\",\"providerId\":\"" + id + "\"}")
                .path("error")
                .path("code")
                .asText())
        .isEqualTo("CONSENT_REQUIRED");
    assertThat(fake.requests()).isEqualTo(1);
  }

  @Test
  void cancelStopsTheStreamAndKeepsWhatArrived() throws Exception {
    String id = addProvider("ollama", "llama-test");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      many.add(openAiText("w" + i + " "));
    }
    many.add(OPENAI_DONE);
    fake.then(fake.sse(many, 20, null));
    JsonNode started =
        ok("llm.chat", "{\"message\":\"talk\",\"providerId\":\"" + id + "\",\"streamId\":\"x1\"}");
    JsonNode firstToken = chat.poll(20, TimeUnit.SECONDS);
    assertThat(firstToken.path("type").asText()).isEqualTo("token");
    long t0 = System.nanoTime();
    assertThat(ok("llm.cancel", "{\"streamId\":\"x1\"}").path("cancelled").asBoolean()).isTrue();
    List<JsonNode> rest = streamOf("x1");
    long stopMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(last(rest).path("error").path("code").asText()).isEqualTo("CANCELLED");
    assertThat(stopMillis).as("stream stops promptly").isLessThan(2_000);
    Thread.sleep(300);
    assertThat(chat.stream().filter(e -> e.path("streamId").asText().equals("x1")).toList())
        .as("no token after the stream ended")
        .isEmpty();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!fake.clientWentAway && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(fake.clientWentAway).as("the provider saw the connection close").isTrue();
    JsonNode saved =
        ok(
            "llm.conversations.get",
            "{\"conversationId\":\"" + started.path("conversationId").asText() + "\"}");
    assertThat(saved.path("messages").get(1).path("content").asText()).startsWith("w0");
    assertThat(ok("llm.cancel", "{\"streamId\":\"x1\"}").path("cancelled").asBoolean()).isFalse();
  }

  @Test
  void providerErrorsSayWhatToDoAndNeverQuoteTheKey() throws Exception {
    keys.put("openai", KEY);
    String id = addProvider("openai", "gpt-test");
    ok("llm.consent.set", "{\"providerId\":\"" + id + "\",\"granted\":true}");
    fake.then(
            status(
                401,
                Map.of(),
                "{\"error\":{\"message\":\"Incorrect API key provided: "
                    + KEY
                    + ". You can find your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"))
        .then(
            status(
                429,
                Map.of("Retry-After", "7"),
                "{\"error\":{\"message\":\"Rate limit reached for gpt-test\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"))
        .then(
            status(
                400,
                Map.of(),
                "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens.\",\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}"));

    ok("llm.chat", "{\"message\":\"q\",\"providerId\":\"" + id + "\",\"streamId\":\"e1\"}");
    JsonNode e401 = last(streamOf("e1")).path("error");
    assertThat(e401.path("code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(e401.path("message").asText())
        .contains("Incorrect API key")
        .contains("Settings")
        .doesNotContain(KEY);

    ok("llm.chat", "{\"message\":\"q\",\"providerId\":\"" + id + "\",\"streamId\":\"e2\"}");
    JsonNode e429 = last(streamOf("e2")).path("error");
    assertThat(e429.path("code").asText()).isEqualTo("OVERLOADED");
    assertThat(e429.path("message").asText()).contains("Try again in 7 s");

    ok("llm.chat", "{\"message\":\"q\",\"providerId\":\"" + id + "\",\"streamId\":\"e3\"}");
    JsonNode e400 = last(streamOf("e3")).path("error");
    assertThat(e400.path("message").asText()).contains("too long for this model's context");

    JsonNode tested = ok("llm.providers.test", "{\"providerId\":\"" + id + "\"}");
    assertThat(tested.path("ok").asBoolean()).isFalse();
  }

  @Test
  void anthropicErrorBodiesAndInStreamErrors() throws Exception {
    keys.put("anthropic", KEY);
    String id = addProvider("anthropic", "claude-test");
    ok("llm.consent.set", "{\"providerId\":\"" + id + "\",\"granted\":true}");
    fake.then(
            status(
                401,
                Map.of(),
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"))
        .then(
            status(
                529,
                Map.of(),
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))
        .then(
            fake.sse(
                List.of(
                    anthropic(
                        "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m\"}}"),
                    anthropic(
                        "error",
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))));
    ok("llm.chat", "{\"message\":\"q\",\"providerId\":\"" + id + "\",\"streamId\":\"b1\"}");
    JsonNode auth = last(streamOf("b1")).path("error");
    assertThat(auth.path("code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(auth.path("message").asText())
        .contains("invalid x-api-key")
        .contains("\"anthropic\"");
    ok("llm.chat", "{\"message\":\"q\",\"providerId\":\"" + id + "\",\"streamId\":\"b2\"}");
    assertThat(last(streamOf("b2")).path("error").path("code").asText()).isEqualTo("OVERLOADED");
    ok("llm.chat", "{\"message\":\"q\",\"providerId\":\"" + id + "\",\"streamId\":\"b3\"}");
    JsonNode inStream = last(streamOf("b3")).path("error");
    assertThat(inStream.path("code").asText()).isEqualTo("OVERLOADED");
    assertThat(inStream.path("message").asText()).contains("Overloaded");
  }

  @Test
  void aProviderThatIsNotRunningSaysHowToStartIt() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String lmStudio = ok("llm.providers.list", "{}").get(0).path("id").asText();
    ok(
        "llm.providers.update",
        "{\"id\":\"" + lmStudio + "\",\"baseUrl\":\"http://127.0.0.1:" + closedPort + "/v1\"}");
    ObjectNode r = call("llm.chat", "{\"message\":\"hello\"}");
    assertThat(r.path("error").path("code").asText()).isEqualTo("UPSTREAM");
    assertThat(r.path("error").path("message").asText())
        .contains("Start LM Studio")
        .contains("pick another provider");
    JsonNode tested = ok("llm.providers.test", "{\"providerId\":\"" + lmStudio + "\"}");
    assertThat(tested.path("ok").asBoolean()).isFalse();
    assertThat(tested.path("message").asText()).contains("LM Studio is not running");
  }

  @Test
  void aCloudProviderWithoutAKeyIsRefusedBeforeAnyRequest() throws Exception {
    String id = addProvider("openrouter", "some/model");
    ok("llm.consent.set", "{\"providerId\":\"" + id + "\",\"granted\":true}");
    ObjectNode r = call("llm.chat", "{\"message\":\"hi\",\"providerId\":\"" + id + "\"}");
    assertThat(r.path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(r.path("error").path("message").asText()).contains("\"openrouter\"");
    assertThat(fake.requests()).isZero();
  }

  @Test
  void modelsAndTestListWhatTheProviderOffers() throws Exception {
    String id = addProvider("lmStudio", "m");
    fake.then(
            status(
                200,
                Map.of(),
                "{\"object\":\"list\",\"data\":[{\"id\":\"qwen-7b\",\"object\":\"model\"},{\"id\":\"llama-8b\"}]}"))
        .then(status(200, Map.of(), "{\"data\":[{\"id\":\"qwen-7b\"}]}"));
    JsonNode models = ok("llm.models", "{\"providerId\":\"" + id + "\"}");
    assertThat(models.findValuesAsText("id")).containsExactly("qwen-7b", "llama-8b");
    JsonNode tested = ok("llm.providers.test", "{\"providerId\":\"" + id + "\"}");
    assertThat(tested.path("ok").asBoolean()).isTrue();
    assertThat(tested.path("message").asText()).contains("1 model");
    ObjectNode bad =
        call("llm.providers.add", "{\"name\":\"x\",\"kind\":\"openai\",\"baseUrl\":\"ftp://x\"}");
    assertThat(bad.path("error").path("field").asText()).isEqualTo("baseUrl");
  }

  @Test
  void ledgerToolsReachTheSidecarWithBoundedArguments() throws Exception {
    assertThat(ok("llm.tools", "{}").findValuesAsText("name"))
        .contains("get_holdings", "list_transactions", "get_realized_gains", "run_simulation");
    String id = addProvider("lmStudio", "m");
    fake.then(
            fake.sse(
                List.of(
                    openAiToolStart(0, "h", "get_holdings"),
                    openAiToolArgs(0, "{}"),
                    openAiToolStart(1, "t", "list_transactions"),
                    openAiToolArgs(1, "{\"limit\": 5000, \"symbol\": \"VTI\"}"),
                    openAiToolStart(2, "r", "get_realized_gains"),
                    openAiToolArgs(2, "{\"year\": 2025}"),
                    openAiFinish("tool_calls"),
                    OPENAI_DONE)))
        .then(fake.sse(List.of(openAiText("Nothing imported yet."), OPENAI_DONE)));
    ok("llm.chat", "{\"message\":\"holdings?\",\"providerId\":\"" + id + "\",\"streamId\":\"l1\"}");
    List<JsonNode> stream = streamOf("l1");
    assertThat(last(stream).path("type").asText()).as(stream.toString()).isEqualTo("done");
    List<JsonNode> results =
        stream.stream().filter(e -> e.path("type").asText().equals("toolResult")).toList();
    assertThat(results).hasSize(3);
    for (JsonNode r : results) {
      assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
      assertThat(r.path("result").asText()).isEqualTo("[]");
    }
    JsonNode second = Json.MAPPER.readTree(fake.received().get(1).body());
    JsonNode calls =
        second.path("messages").get(second.path("messages").size() - 4).path("tool_calls");
    assertThat(calls).hasSize(3);
  }

  @Test
  void valuationToolsReachTheSidecar() throws Exception {
    assertThat(ok("llm.tools", "{}").findValuesAsText("name"))
        .contains("get_net_worth", "get_allocation");
    String id = addProvider("lmStudio", "m");
    fake.then(
            fake.sse(
                List.of(
                    openAiToolStart(0, "n", "get_net_worth"),
                    openAiToolArgs(0, "{}"),
                    openAiToolStart(1, "a", "get_allocation"),
                    openAiToolArgs(1, "{\"by\": \"symbol\"}"),
                    openAiFinish("tool_calls"),
                    OPENAI_DONE)))
        .then(fake.sse(List.of(openAiText("Nothing held yet."), OPENAI_DONE)));
    ok("llm.chat", "{\"message\":\"worth?\",\"providerId\":\"" + id + "\",\"streamId\":\"v1\"}");
    List<JsonNode> stream = streamOf("v1");
    assertThat(last(stream).path("type").asText()).as(stream.toString()).isEqualTo("done");
    List<JsonNode> results =
        stream.stream().filter(e -> e.path("type").asText().equals("toolResult")).toList();
    assertThat(results).hasSize(2);
    for (JsonNode r : results) {
      assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
    }
    assertThat(results.getFirst().path("result").asText()).contains("total");
  }
}

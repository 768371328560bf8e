package io.portfolioos.shell.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.wire.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic Messages: {@code POST /messages} with {@code stream: true}; named SSE events {@code
 * message_start}, {@code content_block_start} (a {@code text} or {@code tool_use} block), {@code
 * content_block_delta} ({@code text_delta} or {@code input_json_delta} fragments of the tool's
 * input), {@code content_block_stop}, {@code message_delta} (stop reason), {@code message_stop};
 * {@code ping} keeps the stream alive and {@code error} ends it.
 */
final class AnthropicWire implements Wire {
  static final String VERSION = "2023-06-01";
  private static final int MAX_TOKENS = 4096;

  private final ProviderHttp http;

  AnthropicWire(ProviderHttp http) {
    this.http = http;
  }

  static Map<String, String> headers(@Nullable String key) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("anthropic-version", VERSION);
    if (key != null && !key.isEmpty()) {
      h.put("x-api-key", key);
    }
    return h;
  }

  @Override
  public List<String> models(Provider p, @Nullable String key) throws InterruptedException {
    List<String> out = new ArrayList<>();
    for (JsonNode m : http.get(p, "/models", headers(key), key).path("data")) {
      if (m.path("id").isTextual()) {
        out.add(m.path("id").asText());
      }
    }
    return out;
  }

  @Override
  public Exchange start(
      Provider p,
      @Nullable String key,
      String model,
      String system,
      List<Said> history,
      List<ToolSpec> tools) {
    ArrayNode messages = Json.MAPPER.createArrayNode();
    for (Said s : history) {
      messages.addObject().put("role", s.user() ? "user" : "assistant").put("content", s.text());
    }
    return new AnthropicExchange(p, key, model, system, messages, tools);
  }

  private final class AnthropicExchange implements Exchange {
    private final Provider p;
    private final @Nullable String key;
    private final String model;
    private final String system;
    private final ArrayNode messages;
    private final List<ToolSpec> tools;
    private boolean toolsOff;

    AnthropicExchange(
        Provider p,
        @Nullable String key,
        String model,
        String system,
        ArrayNode messages,
        List<ToolSpec> tools) {
      this.p = p;
      this.key = key;
      this.model = model;
      this.system = system;
      this.messages = messages;
      this.tools = tools;
    }

    @Override
    public Turn next(TokenSink sink, Cancellation cancel) throws IOException, InterruptedException {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("model", model);
      body.put("max_tokens", MAX_TOKENS);
      body.put("stream", true);
      body.put("system", system);
      body.set("messages", messages);
      if (!tools.isEmpty()) {
        ArrayNode t = body.putArray("tools");
        for (ToolSpec spec : tools) {
          ObjectNode tool =
              t.addObject().put("name", spec.name()).put("description", spec.description());
          tool.set("input_schema", spec.schema());
        }
        if (toolsOff) {
          body.putObject("tool_choice").put("type", "none");
        }
      }
      StringBuilder text = new StringBuilder();
      Map<Integer, String[]> calls = new LinkedHashMap<>();
      Map<Integer, StringBuilder> inputs = new LinkedHashMap<>();
      try (BufferedReader in = http.stream(p, "/messages", headers(key), body, key, cancel)) {
        SseReader sse = new SseReader(in);
        SseReader.Event e;
        events:
        while ((e = sse.next()) != null) {
          JsonNode data = Json.MAPPER.readTree(e.data());
          String type = e.name() != null ? e.name() : data.path("type").asText();
          switch (type) {
            case "content_block_start" -> {
              JsonNode block = data.path("content_block");
              if ("tool_use".equals(block.path("type").asText())) {
                calls.put(
                    data.path("index").asInt(),
                    new String[] {block.path("id").asText(), block.path("name").asText()});
              } else if (block.path("text").isTextual() && !block.path("text").asText().isEmpty()) {
                text.append(block.path("text").asText());
                sink.token(block.path("text").asText());
              }
            }
            case "content_block_delta" -> {
              JsonNode delta = data.path("delta");
              String kind = delta.path("type").asText();
              if ("text_delta".equals(kind)) {
                String t = delta.path("text").asText();
                text.append(t);
                sink.token(t);
              } else if ("input_json_delta".equals(kind)) {
                inputs
                    .computeIfAbsent(data.path("index").asInt(), i -> new StringBuilder())
                    .append(delta.path("partial_json").asText());
              }
            }
            case "error" -> throw ProviderErrors.inStream(p, e.data(), key);
            case "message_stop" -> {
              break events;
            }
            default -> {
              // message_start, content_block_stop, message_delta and ping carry nothing we keep.
            }
          }
        }
      } catch (IOException e) {
        cancel.check();
        throw ProviderErrors.unreachable(p, e);
      } finally {
        cancel.detach();
      }
      List<ToolCall> out = new ArrayList<>();
      for (Map.Entry<Integer, String[]> c : calls.entrySet()) {
        StringBuilder in = inputs.get(c.getKey());
        String json = in == null || in.isEmpty() ? "{}" : in.toString();
        out.add(new ToolCall(c.getValue()[0], c.getValue()[1], json));
      }
      return new Turn(text.toString(), out);
    }

    @Override
    public void toolResults(Turn turn, List<String> results) {
      ArrayNode content = messages.addObject().put("role", "assistant").putArray("content");
      if (!turn.text().isEmpty()) {
        content.addObject().put("type", "text").put("text", turn.text());
      }
      for (ToolCall c : turn.toolCalls()) {
        ObjectNode use =
            content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name());
        use.set("input", parseOrEmpty(c.arguments()));
      }
      ArrayNode answers = messages.addObject().put("role", "user").putArray("content");
      for (int i = 0; i < results.size(); i++) {
        answers
            .addObject()
            .put("type", "tool_result")
            .put("tool_use_id", turn.toolCalls().get(i).id())
            .put("content", results.get(i));
      }
    }

    @Override
    public void withoutTools() {
      // The tool definitions stay: earlier tool_use blocks in the history refer to them.
      toolsOff = true;
    }
  }

  static JsonNode parseOrEmpty(String json) {
    try {
      JsonNode n = Json.MAPPER.readTree(json);
      return n != null && n.isObject() ? n : Json.MAPPER.createObjectNode();
    } catch (IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }
}

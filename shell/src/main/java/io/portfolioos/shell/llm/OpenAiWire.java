package io.portfolioos.shell.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.llm.LlmProviderKind;
import io.portfolioos.contract.wire.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI chat completions, which LM Studio, Ollama, OpenRouter and most local servers speak too:
 * {@code POST /chat/completions} with {@code stream: true}; SSE {@code data:} chunks carry {@code
 * choices[0].delta.content} and {@code delta.tool_calls[]} fragments (id and name in the first
 * fragment of an index, arguments spread over the rest) and end with {@code data: [DONE]}.
 */
final class OpenAiWire implements Wire {
  private final ProviderHttp http;

  OpenAiWire(ProviderHttp http) {
    this.http = http;
  }

  @Override
  public List<String> models(Provider p, @Nullable String key) throws InterruptedException {
    List<String> out = new ArrayList<>();
    for (JsonNode m : http.get(p, "/models", headers(p, key), key).path("data")) {
      if (m.path("id").isTextual()) {
        out.add(m.path("id").asText());
      }
    }
    return out;
  }

  static Map<String, String> headers(Provider p, @Nullable String key) {
    Map<String, String> h = new LinkedHashMap<>();
    if (key != null && !key.isEmpty()) {
      h.put("Authorization", "Bearer " + key);
    }
    if (p.kind() == LlmProviderKind.openrouter) {
      h.put("X-Title", "PortfolioOS");
    }
    return h;
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
    messages.addObject().put("role", "system").put("content", system);
    for (Said s : history) {
      messages.addObject().put("role", s.user() ? "user" : "assistant").put("content", s.text());
    }
    return new OpenAiExchange(p, key, model, messages, tools);
  }

  private final class OpenAiExchange implements Exchange {
    private final Provider p;
    private final @Nullable String key;
    private final String model;
    private final ArrayNode messages;
    private final List<ToolSpec> tools;
    private boolean toolsOff;

    OpenAiExchange(
        Provider p, @Nullable String key, String model, ArrayNode messages, List<ToolSpec> tools) {
      this.p = p;
      this.key = key;
      this.model = model;
      this.messages = messages;
      this.tools = tools;
    }

    @Override
    public Turn next(TokenSink sink, Cancellation cancel) throws IOException, InterruptedException {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("model", model);
      body.put("stream", true);
      body.set("messages", messages);
      if (!tools.isEmpty()) {
        ArrayNode t = body.putArray("tools");
        for (ToolSpec spec : tools) {
          ObjectNode fn = t.addObject().put("type", "function").putObject("function");
          fn.put("name", spec.name()).put("description", spec.description());
          fn.set("parameters", spec.schema());
        }
        if (toolsOff) {
          body.put("tool_choice", "none");
        }
      }
      StringBuilder text = new StringBuilder();
      Map<Integer, String[]> calls = new LinkedHashMap<>();
      Map<Integer, StringBuilder> args = new LinkedHashMap<>();
      try (BufferedReader in =
          http.stream(p, "/chat/completions", headers(p, key), body, key, cancel)) {
        SseReader sse = new SseReader(in);
        SseReader.Event e;
        while ((e = sse.next()) != null) {
          if (e.data().equals("[DONE]")) {
            break;
          }
          JsonNode chunk = Json.MAPPER.readTree(e.data());
          if (chunk.has("error")) {
            throw ProviderErrors.inStream(p, e.data(), key);
          }
          JsonNode delta = chunk.path("choices").path(0).path("delta");
          String content = delta.path("content").isTextual() ? delta.path("content").asText() : "";
          if (!content.isEmpty()) {
            text.append(content);
            sink.token(content);
          }
          for (JsonNode tc : delta.path("tool_calls")) {
            int index = tc.path("index").asInt(calls.size());
            String[] idName = calls.computeIfAbsent(index, i -> new String[] {"", ""});
            if (tc.path("id").isTextual()) {
              idName[0] = tc.path("id").asText();
            }
            JsonNode fn = tc.path("function");
            if (fn.path("name").isTextual()) {
              idName[1] += fn.path("name").asText();
            }
            if (fn.path("arguments").isTextual()) {
              args.computeIfAbsent(index, i -> new StringBuilder())
                  .append(fn.path("arguments").asText());
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
        String id = c.getValue()[0].isEmpty() ? "call_" + c.getKey() : c.getValue()[0];
        StringBuilder a = args.get(c.getKey());
        out.add(new ToolCall(id, c.getValue()[1], a == null || a.isEmpty() ? "{}" : a.toString()));
      }
      return new Turn(text.toString(), out);
    }

    @Override
    public void toolResults(Turn turn, List<String> results) {
      ObjectNode assistant = messages.addObject().put("role", "assistant");
      if (turn.text().isEmpty()) {
        assistant.putNull("content");
      } else {
        assistant.put("content", turn.text());
      }
      ArrayNode calls = assistant.putArray("tool_calls");
      for (ToolCall c : turn.toolCalls()) {
        ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
        call.putObject("function").put("name", c.name()).put("arguments", c.arguments());
      }
      for (int i = 0; i < results.size(); i++) {
        messages
            .addObject()
            .put("role", "tool")
            .put("tool_call_id", turn.toolCalls().get(i).id())
            .put("content", results.get(i));
      }
    }

    @Override
    public void withoutTools() {
      // The tool definitions stay: earlier tool_calls in the history refer to them.
      toolsOff = true;
    }
  }
}

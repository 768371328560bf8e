package io.portfolioos.shell.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model provider on 127.0.0.1 (port 0) that answers each request with the next scripted response,
 * counts every request it receives and keeps their bodies and headers.
 */
public final class FakeProvider implements AutoCloseable {
  /** One scripted answer. */
  @FunctionalInterface
  public interface Response {
    void write(HttpExchange exchange) throws IOException, InterruptedException;
  }

  /** A request as received. */
  public record Received(
      String method, String path, Map<String, List<String>> headers, String body) {}

  private final HttpServer server;
  private final ConcurrentLinkedDeque<Response> script = new ConcurrentLinkedDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  public volatile Instant firstTokenSentAt = Instant.EPOCH;
  public volatile boolean clientWentAway;

  public FakeProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        ex -> {
          requests.incrementAndGet();
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  ex.getRequestMethod(),
                  ex.getRequestURI().getPath(),
                  Map.copyOf(ex.getRequestHeaders()),
                  body));
          Response next = script.pollFirst();
          try {
            if (next == null) {
              status(500, Map.of(), "{\"error\":{\"message\":\"no scripted response left\"}}")
                  .write(ex);
            } else {
              next.write(ex);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (IOException e) {
            clientWentAway = true;
          } finally {
            ex.close();
          }
        });
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public FakeProvider then(Response r) {
    script.addLast(r);
    return this;
  }

  public int requests() {
    return requests.get();
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  public static Response status(int code, Map<String, String> headers, String body) {
    return ex -> {
      headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(code, bytes.length);
      ex.getResponseBody().write(bytes);
    };
  }

  /**
   * An SSE stream: each element is one event's raw text (its {@code event:}/{@code data:} lines),
   * flushed on its own, {@code gapMillis} apart. When {@code go} is given, the stream sends its
   * headers and then waits for it before the first event.
   */
  public Response sse(List<String> events, long gapMillis, CountDownLatch go) {
    return ex -> {
      ex.getResponseHeaders().add("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.flush();
      if (go != null) {
        go.await(30, TimeUnit.SECONDS);
      }
      boolean first = true;
      for (String e : events) {
        if (first && e.contains("content") && !e.contains("tool")) {
          firstTokenSentAt = Instant.now();
          first = false;
        }
        out.write((e + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (gapMillis > 0) {
          Thread.sleep(gapMillis);
        }
      }
    };
  }

  public Response sse(List<String> events) {
    return sse(events, 0, null);
  }

  // OpenAI chat-completions chunks.

  public static String openAiText(String text) {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":"
        + quote(text)
        + "},\"finish_reason\":null}]}";
  }

  public static String openAiToolStart(int index, String id, String name) {
    return "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
        + "\"content\":null,\"tool_calls\":[{\"index\":"
        + index
        + ",\"id\":\""
        + id
        + "\",\"type\":\"function\",\"function\":{\"name\":\""
        + name
        + "\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}";
  }

  public static String openAiToolArgs(int index, String fragment) {
    return "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":"
        + index
        + ",\"function\":{\"arguments\":"
        + quote(fragment)
        + "}}]},\"finish_reason\":null}]}";
  }

  public static String openAiFinish(String reason) {
    return "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\""
        + reason
        + "\"}]}";
  }

  public static final String OPENAI_DONE = "data: [DONE]";

  // Anthropic messages events.

  public static String anthropic(String type, String json) {
    return "event: " + type + "\ndata: " + json;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package io.portfolioos.shell.window;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal Chrome DevTools Protocol client: enough to run a script in the window's page and read
 * its result, the way a user's clicks would reach the same code.
 */
final class Cdp implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private Cdp(WebSocket socket) {
    this.socket = socket;
  }

  /** Connects to the first page whose URL matches, waiting up to {@code seconds} for it. */
  static Cdp connect(int port, Predicate<String> pageUrl, int seconds) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      try {
        JsonNode pages =
            JSON.readTree(
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
        for (JsonNode page : pages) {
          if ("page".equals(page.path("type").asText())
              && pageUrl.test(page.path("url").asText())) {
            Holder holder = new Holder();
            WebSocket ws =
                http.newWebSocketBuilder()
                    .buildAsync(
                        URI.create(page.path("webSocketDebuggerUrl").asText()), holder.listener())
                    .get(10, TimeUnit.SECONDS);
            holder.cdp = new Cdp(ws);
            return holder.cdp;
          }
        }
      } catch (java.io.IOException e) {
        // DevTools is not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no page on the DevTools port " + port);
      }
      Thread.sleep(50);
    }
  }

  /** Evaluates a script (awaiting a returned promise) and returns its JSON value. */
  JsonNode eval(String expression) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", "Runtime.evaluate");
    msg.putObject("params")
        .put("expression", expression)
        .put("awaitPromise", true)
        .put("returnByValue", true);
    socket.sendText(msg.toString(), true);
    JsonNode reply = answer.get(30, TimeUnit.SECONDS);
    if (reply.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + reply.get("exceptionDetails"));
    }
    return reply.path("result").path("value");
  }

  /** Evaluates until the script returns true. */
  void await(String condition, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!eval("Boolean(" + condition + ")").asBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + condition);
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    socket.abort();
  }

  private static final class Holder {
    volatile Cdp cdp;
    private final StringBuilder text = new StringBuilder();

    WebSocket.Listener listener() {
      return new WebSocket.Listener() {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
          text.append(data);
          if (last) {
            String message = text.toString();
            text.setLength(0);
            try {
              JsonNode node = JSON.readTree(message);
              Cdp c = cdp;
              if (c != null && node.has("id")) {
                CompletableFuture<JsonNode> f = c.pending.remove(node.get("id").asInt());
                if (f != null) {
                  f.complete(node.path("result"));
                }
              }
            } catch (java.io.IOException e) {
              // not ours to parse: events without an id are ignored
            }
          }
          ws.request(1);
          return null;
        }
      };
    }
  }
}

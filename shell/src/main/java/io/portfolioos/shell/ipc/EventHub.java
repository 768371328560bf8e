package io.portfolioos.shell.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.wire.Json;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Fans out the streams the UI listens to ({@code progress}, {@code sidecar}, {@code chat}) to every
 * subscriber: SSE clients in browser mode, the persistent cefQuery in the window.
 */
public final class EventHub {
  /** Receives (event name, JSON data). Must not block. */
  public interface Subscriber extends BiConsumer<String, String> {}

  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

  public Runnable subscribe(Subscriber s) {
    subscribers.add(s);
    return () -> subscribers.remove(s);
  }

  public void publish(String event, Object data) {
    JsonNode node = data instanceof JsonNode j ? j : Json.MAPPER.valueToTree(data);
    String json = node.toString();
    for (Subscriber s : subscribers) {
      try {
        s.accept(event, json);
      } catch (RuntimeException e) {
        subscribers.remove(s);
      }
    }
  }

  /** The progress event the UI matches to its call by {@code requestId}. */
  public void progress(String requestId, long done, long total, String message) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("requestId", requestId);
    n.put("done", done);
    n.put("total", total);
    n.put("message", message);
    publish("progress", n);
  }
}

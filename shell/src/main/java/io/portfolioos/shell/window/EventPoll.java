package io.portfolioos.shell.window;

import io.portfolioos.shell.ipc.EventHub;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The window's event stream as a long poll. JCEF answers a persistent cefQuery only once (its
 * native callback is released after the first {@code success}), so the page instead keeps one
 * one-shot query {@code {"subscribe":"events","session":S}} outstanding and sends the next as soon
 * as it is answered. Events published while no query is outstanding wait in the session's buffer,
 * so none are lost between two polls; each answer carries all of them, {@code
 * {"events":[{"event","data"},…]}}.
 */
final class EventPoll {
  /** A session nobody polled for this long is a page that went away: drop its buffer. */
  private static final long ABANDONED_NANOS = TimeUnit.SECONDS.toNanos(30);

  /** Beyond this many waiting events the oldest are dropped (a page that stopped reading). */
  static final int MAX_BUFFERED = 10_000;

  private final EventHub events;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  EventPoll(EventHub events) {
    this.events = events;
  }

  /** Answers now if events are waiting, else when the next one arrives. */
  void poll(String sessionId, long queryId, Consumer<String> answer) {
    Session s = sessions.computeIfAbsent(sessionId, id -> new Session(id));
    s.poll(queryId, answer);
  }

  /** The page cancelled its query (navigation, reload): keep buffering until it polls again. */
  void cancel(long queryId) {
    sessions.values().forEach(s -> s.cancel(queryId));
  }

  void close() {
    sessions.values().forEach(Session::close);
    sessions.clear();
  }

  int sessionCount() {
    return sessions.size();
  }

  private final class Session {
    private final String id;
    private final Runnable unsubscribe;
    private final Deque<String> buffer = new ArrayDeque<>();
    private @Nullable Consumer<String> waiting;
    private long waitingQuery;
    private long lastPoll = System.nanoTime();

    Session(String id) {
      this.id = id;
      this.unsubscribe = events.subscribe(this::publish);
    }

    private void publish(String event, String data) {
      String message = "{\"event\":" + quote(event) + ",\"data\":" + data + "}";
      Consumer<String> answer;
      String batch;
      synchronized (this) {
        if (buffer.size() >= MAX_BUFFERED) {
          buffer.removeFirst();
        }
        buffer.addLast(message);
        if (waiting == null) {
          if (System.nanoTime() - lastPoll > ABANDONED_NANOS) {
            close();
          }
          return;
        }
        answer = waiting;
        waiting = null;
        batch = drain();
      }
      answer.accept(batch);
    }

    void poll(long queryId, Consumer<String> answer) {
      String batch;
      synchronized (this) {
        lastPoll = System.nanoTime();
        if (buffer.isEmpty()) {
          waiting = answer;
          waitingQuery = queryId;
          return;
        }
        batch = drain();
      }
      answer.accept(batch);
    }

    synchronized void cancel(long queryId) {
      if (waiting != null && waitingQuery == queryId) {
        waiting = null;
        lastPoll = System.nanoTime();
      }
    }

    void close() {
      unsubscribe.run();
      sessions.remove(id, this);
    }

    private String drain() {
      String batch = "{\"events\":[" + String.join(",", buffer) + "]}";
      buffer.clear();
      return batch;
    }
  }

  private static String quote(String s) {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(s).toString();
  }
}

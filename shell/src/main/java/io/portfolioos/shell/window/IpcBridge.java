package io.portfolioos.shell.window;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.shell.ipc.EventHub;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.startup.StartupTrace;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.callback.CefQueryCallback;
import org.cef.handler.CefMessageRouterHandlerAdapter;

/**
 * The window's side of {@code web/src/ipc/cef.ts}. A call is a one-shot query {@code {"method",
 * "params", "requestId"}} answered with the same {@code {ok, data | error}} envelope as HTTP; the
 * event stream is a long poll of one-shot queries (see {@link EventPoll}: JCEF answers a persistent
 * query only once). Queries from a frame not on the app's origin are refused.
 *
 * <p>CEF calls {@link #onQuery} on its UI thread, which on Linux is the AWT event thread: the call
 * itself runs on a virtual thread so a slow method (or a native dialog waiting for the user) never
 * freezes the window.
 */
final class IpcBridge extends CefMessageRouterHandlerAdapter {
  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /** Completed once the app is wired; calls that arrive earlier wait for it. */
  private final CompletableFuture<IpcRouter> router;

  private final EventHub events;
  private final OriginPolicy policy;

  /** query id → request id of a call in flight, so cancelling the query cancels the call. */
  private final Map<Long, String> calls = new ConcurrentHashMap<>();

  /** Event polls waiting for an answer; removing one first makes answering it exactly-once. */
  private final Map<Long, Boolean> polls = new ConcurrentHashMap<>();

  private final EventPoll eventPoll;
  private final AtomicBoolean firstQuery = new AtomicBoolean(true);

  IpcBridge(CompletableFuture<IpcRouter> router, EventHub events, OriginPolicy policy) {
    this.router = router;
    this.events = events;
    this.policy = policy;
    this.eventPoll = new EventPoll(events);
  }

  @Override
  public boolean onQuery(
      CefBrowser browser,
      CefFrame frame,
      long queryId,
      String request,
      boolean persistent,
      CefQueryCallback callback) {
    if (firstQuery.compareAndSet(true, false)) {
      StartupTrace.mark("first IPC query");
    }
    if (!policy.allows(frame.getURL())) {
      callback.failure(
          403, envelope(ErrorCode.FORBIDDEN, "IPC is only for the app's own pages").toString());
      return true;
    }
    JsonNode query;
    try {
      query = Json.MAPPER.readTree(request);
    } catch (JacksonException e) {
      callback.success(envelope(ErrorCode.PARSE_ERROR, "query is not valid JSON").toString());
      return true;
    }
    if (query == null || !query.isObject()) {
      callback.success(envelope(ErrorCode.INVALID_REQUEST, "query must be an object").toString());
      return true;
    }
    if (query.has("subscribe")) {
      return subscribe(queryId, query, callback);
    }
    JsonNode method = query.get("method");
    if (method == null || !method.isTextual()) {
      callback.success(
          IpcRouter.error(ErrorCode.INVALID_REQUEST, "method: must be a string", "method")
              .toString());
      return true;
    }
    JsonNode id = query.get("requestId");
    String requestId = id != null && id.isTextual() ? id.asText() : "cef-" + queryId;
    calls.put(queryId, requestId);
    JsonNode params = query.get("params");
    Thread.ofVirtual()
        .name("ipc-" + method.asText())
        .start(
            () -> {
              IpcRouter wired;
              try {
                wired = router.join();
              } catch (CompletionException | CancellationException e) {
                answer(
                    queryId,
                    callback,
                    envelope(ErrorCode.INTERNAL, "the app could not start; see its log"));
                return;
              }
              if (!calls.containsKey(queryId)) {
                return; // cancelled while the app was being wired
              }
              wired
                  .route(
                      method.asText(),
                      params,
                      requestId,
                      p ->
                          events.progress(
                              requestId,
                              p.done(),
                              p.total(),
                              p.message() == null ? "" : p.message()))
                  .thenAccept(result -> answer(queryId, callback, result));
            });
    return true;
  }

  /** A cancelled query must not be answered: its callback is gone. */
  private void answer(long queryId, CefQueryCallback callback, JsonNode result) {
    if (calls.remove(queryId) != null) {
      callback.success(result.toString());
    }
  }

  private boolean subscribe(long queryId, JsonNode query, CefQueryCallback callback) {
    String session = query.path("session").asText("");
    if (!"events".equals(query.path("subscribe").asText()) || !SESSION.matcher(session).matches()) {
      callback.success(
          IpcRouter.error(
                  ErrorCode.INVALID_PARAMS,
                  "subscribe: must be \"events\" with a session id of 1-64 letters, digits or -",
                  "session")
              .toString());
      return true;
    }
    polls.put(queryId, Boolean.TRUE);
    eventPoll.poll(
        session,
        queryId,
        batch -> {
          if (polls.remove(queryId) != null) {
            callback.success(batch);
          }
        });
    return true;
  }

  @Override
  public void onQueryCanceled(CefBrowser browser, CefFrame frame, long queryId) {
    if (polls.remove(queryId) != null) {
      eventPoll.cancel(queryId);
    }
    String requestId = calls.remove(queryId);
    IpcRouter wired = router.getNow(null);
    if (requestId != null && wired != null) {
      wired.cancel(requestId);
    }
  }

  /** Ends every event session (the window is closing). */
  void close() {
    eventPoll.close();
  }

  private static ObjectNode envelope(ErrorCode code, String message) {
    return IpcRouter.error(code, message, null);
  }
}

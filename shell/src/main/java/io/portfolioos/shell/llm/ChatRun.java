package io.portfolioos.shell.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.llm.LlmMessage;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.shell.ipc.EventHub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * One streaming answer: model turns and tool calls until the model answers in text, each step
 * published as a {@code chat} event tagged with the stream id, the result saved with its
 * conversation (a cancelled answer keeps what had arrived).
 */
final class ChatRun implements Runnable {
  private static final Logger LOG = Logger.getLogger(ChatRun.class.getName());

  /** Tool rounds before the model must answer in text. */
  static final int MAX_ROUNDS = 6;

  record Setup(
      String streamId,
      String conversationId,
      Provider provider,
      @Nullable String key,
      String model,
      Exchange exchange) {}

  private final Setup s;
  private final ToolRunner tools;
  private final EventHub events;
  private final LlmStore store;
  private final Runnable onEnd;
  final Cancellation cancel = new Cancellation();

  ChatRun(Setup setup, ToolRunner tools, EventHub events, LlmStore store, Runnable onEnd) {
    this.s = setup;
    this.tools = tools;
    this.events = events;
    this.store = store;
    this.onEnd = onEnd;
  }

  @Override
  public void run() {
    StringBuilder answer = new StringBuilder();
    List<LlmMessage> saved = new ArrayList<>();
    try {
      for (int round = 0; ; round++) {
        if (round == MAX_ROUNDS) {
          s.exchange().withoutTools();
        }
        Turn turn =
            s.exchange()
                .next(
                    text -> {
                      answer.append(text);
                      emit(event("token").put("text", text));
                    },
                    cancel);
        cancel.check();
        if (turn.toolCalls().isEmpty() || round == MAX_ROUNDS) {
          break;
        }
        List<String> results = new ArrayList<>();
        for (ToolCall call : turn.toolCalls()) {
          emit(
              event("toolCall")
                  .put("callId", call.id())
                  .put("tool", call.name())
                  .put("input", call.arguments()));
          ToolRunner.Result r = tools.run(call);
          cancel.check();
          emit(
              event("toolResult")
                  .put("callId", call.id())
                  .put("tool", call.name())
                  .put("ok", r.ok())
                  .put("result", r.json()));
          results.add(r.json());
          saved.add(message("tool", r.json(), call.name(), call.arguments()));
        }
        s.exchange().toolResults(turn, results);
        if (!answer.isEmpty() && answer.charAt(answer.length() - 1) != '\n') {
          answer.append("\n\n");
        }
      }
      saved.add(message("assistant", answer.toString().strip(), null, null));
      store.append(s.conversationId(), saved);
      emit(event("done"));
    } catch (RpcException e) {
      end(answer, saved, e.code(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      end(answer, saved, ErrorCode.CANCELLED, "The answer was cancelled");
    } catch (Exception e) {
      LOG.log(
          Level.WARNING,
          "assistant answer failed: {0}",
          ProviderErrors.scrub(String.valueOf(e), s.key()));
      end(
          answer,
          saved,
          ErrorCode.INTERNAL,
          "The answer failed unexpectedly (details in the app log)");
    } finally {
      onEnd.run();
    }
  }

  private void end(
      StringBuilder answer, List<LlmMessage> saved, ErrorCode code, @Nullable String message) {
    ErrorCode c = cancel.isCancelled() ? ErrorCode.CANCELLED : code;
    String m = cancel.isCancelled() ? "The answer was cancelled" : String.valueOf(message);
    if (!answer.isEmpty() || !saved.isEmpty()) {
      saved.add(message("assistant", answer.toString().strip(), null, null));
      try {
        store.append(s.conversationId(), saved);
      } catch (RpcException e) {
        LOG.log(Level.WARNING, "could not save a partial answer: {0}", e.getMessage());
      }
    }
    ObjectNode error = event("error");
    error.putObject("error").put("code", c.name()).put("message", ProviderErrors.scrub(m, s.key()));
    emit(error);
  }

  private LlmMessage message(
      String role, String content, @Nullable String tool, @Nullable String input) {
    return new LlmMessage(role, content, tool, input, s.provider().id(), s.model(), Instant.now());
  }

  private ObjectNode event(String type) {
    return Json.MAPPER
        .createObjectNode()
        .put("streamId", s.streamId())
        .put("conversationId", s.conversationId())
        .put("type", type);
  }

  private void emit(ObjectNode event) {
    events.publish("chat", event);
  }

  boolean cancel() {
    return cancel.cancel();
  }
}

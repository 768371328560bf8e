package io.portfolioos.shell.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.Contract;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.shell.ipc.IpcRouter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a tool the model asked for through the same router the UI uses, so the call is validated by
 * the contract and answered by the sidecar like any other. The model always gets an answer: the
 * data, or the error (so it can tell the user what went wrong).
 */
final class ToolRunner {
  static final int MAX_RESULT_CHARS = 12_000;

  private final IpcRouter router;
  private final List<ToolSpec> tools;

  ToolRunner(IpcRouter router, List<ToolSpec> tools) {
    this.router = router;
    this.tools = tools;
  }

  /** The result as JSON text for the model, and whether the call succeeded. */
  record Result(String json, boolean ok) {}

  Result run(ToolCall call) throws InterruptedException {
    ToolSpec spec =
        tools.stream().filter(t -> t.name().equals(call.name())).findFirst().orElse(null);
    if (spec == null) {
      return error("UNKNOWN_TOOL", "There is no tool named " + call.name());
    }
    JsonNode args;
    try {
      args = Json.MAPPER.readTree(call.arguments().isBlank() ? "{}" : call.arguments());
    } catch (IOException e) {
      return error("INVALID_PARAMS", "The arguments are not valid JSON");
    }
    Method<?, ?> method = Contract.find(spec.method()).orElseThrow();
    ObjectNode envelope;
    try {
      envelope =
          router
              .route(spec.method(), spec.params().apply(args), null, null)
              .get(method.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return error("TIMEOUT", spec.method() + " did not answer in time");
    }
    if (!envelope.path("ok").asBoolean()) {
      return new Result(clip(envelope.path("error").toString()), false);
    }
    return new Result(clip(spec.summarize().apply(envelope.path("data")).toString()), true);
  }

  private static Result error(String code, String message) {
    ObjectNode n = Json.MAPPER.createObjectNode().put("code", code).put("message", message);
    return new Result(n.toString(), false);
  }

  private static String clip(String json) {
    return json.length() <= MAX_RESULT_CHARS
        ? json
        : json.substring(0, MAX_RESULT_CHARS) + " …(truncated: ask for fewer rows)";
  }
}

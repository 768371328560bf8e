package io.portfolioos.shell.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.Contract;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import io.portfolioos.contract.Progress;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.contract.wire.ParamsDecoder;
import io.portfolioos.shell.sidecar.SidecarClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Every UI call, from either transport (cefQuery or HTTP), comes through here: the method must be
 * in the contract, the params must decode into its record (else INVALID_PARAMS naming the field),
 * then the shell answers it or forwards it to the sidecar. The answer is always {@code {ok, data}}
 * or {@code {ok: false, error: {code, message, field?}}}; a stack trace never reaches the UI.
 */
public final class IpcRouter {
  private static final Logger LOG = Logger.getLogger(IpcRouter.class.getName());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SidecarClient sidecar;
  private final Map<String, LocalHandler<?, ?>> local = new ConcurrentHashMap<>();
  private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
  private final Map<String, UnaryOperator<Object>> rewrites = new ConcurrentHashMap<>();

  public IpcRouter(SidecarClient sidecar) {
    this.sidecar = sidecar;
  }

  public <P, R> IpcRouter local(Method<P, R> method, LocalHandler<P, R> handler) {
    if (method.owner() != Owner.SHELL && !method.name().startsWith("system.")) {
      throw new IllegalArgumentException(method.name() + " is answered by the sidecar");
    }
    local.put(method.name(), handler);
    return this;
  }

  /**
   * Rewrites the params of a sidecar method before they leave the shell, e.g. to put in a key from
   * the secret store that the UI must never see.
   */
  @SuppressWarnings("unchecked")
  public <P, R> IpcRouter beforeSidecar(Method<P, R> method, UnaryOperator<P> rewrite) {
    if (method.owner() != Owner.SIDECAR) {
      throw new IllegalArgumentException(method.name() + " is answered by the shell");
    }
    rewrites.put(method.name(), p -> rewrite.apply((P) p));
    return this;
  }

  /**
   * Routes one call.
   *
   * @param requestId the UI's id for cancel and progress, or null
   */
  public CompletableFuture<ObjectNode> route(
      String methodName,
      @Nullable JsonNode params,
      @Nullable String requestId,
      @Nullable Consumer<Progress> onProgress) {
    try {
      Method<?, ?> method =
          Contract.find(methodName)
              .orElseThrow(
                  () ->
                      new RpcException(
                          ErrorCode.METHOD_NOT_FOUND, "Method not found: " + methodName));
      Object decoded = ParamsDecoder.decode(params, method.params());
      LocalHandler<?, ?> handler = local.get(methodName);
      if (handler != null) {
        return CompletableFuture.completedFuture(ok(runLocal(handler, decoded)));
      }
      if (method.owner() == Owner.SHELL) {
        throw new RpcException(ErrorCode.UNSUPPORTED, methodName + " is not available yet");
      }
      UnaryOperator<Object> rewrite = rewrites.get(methodName);
      if (rewrite != null) {
        decoded = rewrite.apply(decoded);
      }
      SidecarClient.Call call = sidecar.send(methodName, decoded, method.timeout(), onProgress);
      if (requestId != null) {
        inFlight.put(requestId, call.id());
      }
      return call.result()
          .handle(
              (data, error) -> {
                if (requestId != null) {
                  inFlight.remove(requestId);
                }
                return error == null ? ok(data) : failure(error);
              });
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(failure(e));
    } catch (Exception e) {
      return CompletableFuture.completedFuture(failure(e));
    }
  }

  /** Cancels a forwarded call the UI started with {@code requestId}. */
  public boolean cancel(String requestId) {
    Long id = inFlight.get(requestId);
    if (id == null) {
      return false;
    }
    sidecar.cancel(id);
    return true;
  }

  @SuppressWarnings("unchecked")
  private static JsonNode runLocal(LocalHandler<?, ?> handler, Object params) throws Exception {
    Object result = ((LocalHandler<Object, Object>) handler).handle(params);
    return Json.MAPPER.valueToTree(result);
  }

  private static ObjectNode ok(@Nullable JsonNode data) {
    ObjectNode n = NODES.objectNode();
    n.put("ok", true);
    n.set("data", data == null ? NODES.nullNode() : data);
    return n;
  }

  /** The UI-facing error: code and message only, never a stack trace. */
  static ObjectNode failure(Throwable t) {
    Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    RpcException rpc;
    if (e instanceof RpcException r) {
      rpc = r;
    } else {
      LOG.log(Level.SEVERE, "IPC call failed unexpectedly", e);
      rpc = new RpcException(ErrorCode.INTERNAL, "Internal error (details in the app log)");
    }
    return error(rpc.code(), String.valueOf(rpc.getMessage()), rpc.field());
  }

  public static ObjectNode error(ErrorCode code, String message, @Nullable String field) {
    ObjectNode n = NODES.objectNode();
    n.put("ok", false);
    ObjectNode err = n.putObject("error");
    err.put("code", code.name());
    err.put("message", message);
    if (field != null) {
      err.put("field", field);
    }
    return n;
  }
}

package io.portfolioos.contract.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The JSON-RPC 2.0 envelope, both directions. One JSON text per line; the framing (newline) is the
 * transport's job, this class only builds and reads the texts.
 */
public final class Envelope {
  private Envelope() {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What a request line means to a server, after the envelope was checked. */
  public sealed interface Incoming {}

  /**
   * A well-formed call; {@code id} is null for a notification (no reply is sent).
   *
   * @param params the raw params, or null when absent
   */
  public record Call(@Nullable JsonNode id, String method, @Nullable JsonNode params)
      implements Incoming {
    public boolean isNotification() {
      return id == null;
    }
  }

  /** Not a valid request object: answer -32600 with {@code id} (JSON null where unreadable). */
  public record Invalid(JsonNode id, String reason) implements Incoming {}

  /** A reply or a notification, as read by a client. */
  public sealed interface Outgoing {}

  public record Reply(long id, @Nullable JsonNode result, @Nullable RpcException error)
      implements Outgoing {}

  public record Notification(String method, @Nullable JsonNode params) implements Outgoing {}

  /** Checks one request object as the specification's section 4 says. */
  public static Incoming classify(JsonNode node) {
    if (!node.isObject()) {
      return new Invalid(NullNode.instance, "a request must be a JSON object");
    }
    JsonNode rawId = node.get("id");
    JsonNode id = validId(rawId) ? rawId : NullNode.instance;
    if (rawId != null && !validId(rawId)) {
      return new Invalid(NullNode.instance, "id must be a string, a number or null");
    }
    JsonNode version = node.get("jsonrpc");
    if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
      return new Invalid(id, "jsonrpc must be \"2.0\"");
    }
    JsonNode method = node.get("method");
    if (method == null || !method.isTextual()) {
      return new Invalid(id, "method must be a string");
    }
    JsonNode params = node.get("params");
    if (params != null && !params.isObject() && !params.isArray()) {
      return new Invalid(id, "params must be an object or an array");
    }
    return new Call(rawId, method.textValue(), params);
  }

  private static boolean validId(@Nullable JsonNode id) {
    return id != null && (id.isTextual() || id.isNumber() || id.isNull());
  }

  public static ObjectNode result(JsonNode id, @Nullable Object result) {
    ObjectNode reply = NODES.objectNode();
    reply.put("jsonrpc", "2.0");
    reply.set("id", id);
    reply.set("result", Json.MAPPER.valueToTree(result));
    return reply;
  }

  public static ObjectNode error(JsonNode id, RpcException e) {
    return error(id, e.code(), String.valueOf(e.getMessage()), e.field());
  }

  public static ObjectNode error(
      JsonNode id, ErrorCode code, String message, @Nullable String field) {
    ObjectNode error = NODES.objectNode();
    error.put("code", code.rpcCode());
    error.put("message", message);
    ObjectNode data = error.putObject("data");
    data.put("code", code.name());
    if (field != null) {
      data.put("field", field);
    }
    ObjectNode reply = NODES.objectNode();
    reply.put("jsonrpc", "2.0");
    reply.set("id", id);
    reply.set("error", error);
    return reply;
  }

  public static ObjectNode notification(String method, Object params) {
    ObjectNode n = NODES.objectNode();
    n.put("jsonrpc", "2.0");
    n.put("method", method);
    n.set("params", Json.MAPPER.valueToTree(params));
    return n;
  }

  /** A request, written straight from the params record: no intermediate tree on the hot path. */
  public static byte[] request(long id, String method, @Nullable Object params) {
    return write(
        g -> {
          g.writeNumberField("id", id);
          g.writeStringField("method", method);
          if (params != null) {
            g.writeFieldName("params");
            g.writeObject(params);
          }
        });
  }

  /** A successful reply, written straight from the result value. */
  public static byte[] resultBytes(JsonNode id, @Nullable Object result) {
    return write(
        g -> {
          g.writeFieldName("id");
          g.writeTree(id);
          g.writeFieldName("result");
          g.writeObject(result);
        });
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Fields fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("jsonrpc", "2.0");
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one line a server sent. Fails closed: anything that is neither a reply with an integer id
   * nor a notification is an {@link IOException}, which a client treats as a broken peer.
   */
  public static Outgoing readOutgoing(byte[] line, int offset, int length) throws IOException {
    JsonNode node = Json.MAPPER.readTree(line, offset, length);
    if (node == null || !node.isObject() || !"2.0".equals(node.path("jsonrpc").asText(null))) {
      throw new IOException("not a JSON-RPC 2.0 message");
    }
    JsonNode method = node.get("method");
    if (method != null && method.isTextual() && !node.has("id")) {
      return new Notification(method.textValue(), node.get("params"));
    }
    JsonNode id = node.get("id");
    if (id == null || !id.canConvertToLong()) {
      throw new IOException("reply without an integer id: " + node);
    }
    JsonNode error = node.get("error");
    if (error != null && error.isObject()) {
      return new Reply(id.longValue(), null, toException(error));
    }
    if (!node.has("result")) {
      throw new IOException("reply with neither result nor error");
    }
    return new Reply(id.longValue(), node.get("result"), null);
  }

  private static RpcException toException(JsonNode error) {
    JsonNode data = error.path("data");
    String symbol = data.path("code").asText("");
    ErrorCode code;
    try {
      code = ErrorCode.valueOf(symbol);
    } catch (IllegalArgumentException e) {
      code = ErrorCode.fromRpcCode(error.path("code").asInt(ErrorCode.INTERNAL.rpcCode()));
    }
    String field = data.path("field").isTextual() ? data.path("field").textValue() : null;
    return new RpcException(code, error.path("message").asText("error"), field);
  }
}

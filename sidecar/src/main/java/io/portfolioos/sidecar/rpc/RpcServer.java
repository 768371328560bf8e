package io.portfolioos.sidecar.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.portfolioos.contract.CancelRequest;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.Kind;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.wire.Envelope;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.contract.wire.ParamsDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * JSON-RPC 2.0 over newline-framed stdio, as DESIGN.md's wire protocol says.
 *
 * <p>Lifecycle: {@link #serve} reads lines on the calling thread until EOF. Each request is decoded
 * and validated there, then run: reads on a pool (concurrently, replies may overtake each other),
 * writes on one writer thread (never two at once), and the few trivial methods in {@code
 * Config.inline} on the reader itself. Replies go through the single {@link OutputWriter}. On EOF
 * it stops reading, lets the write in flight finish, waits briefly for reads, flushes and returns;
 * the caller then closes the database.
 */
public final class RpcServer {
  private static final Logger LOG = Logger.getLogger(RpcServer.class.getName());

  /**
   * @param maxLineBytes longer lines are refused with LINE_TOO_LONG
   * @param readThreads concurrent reads
   * @param maxInFlight queued + running requests before new ones get OVERLOADED
   * @param inline methods cheap enough to answer on the reader thread
   */
  public record Config(int maxLineBytes, int readThreads, int maxInFlight, Set<String> inline) {
    public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

    public static Config defaults() {
      return new Config(
          DEFAULT_MAX_LINE_BYTES,
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          100_000,
          Set.of("system.ping"));
    }
  }

  private final Handlers handlers;
  private final Config config;
  private final ExecutorService reads;
  private final WriterThread writes = new WriterThread();
  private final Map<String, ActiveRequest> active = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private @Nullable OutputWriter out;

  public RpcServer(Handlers handlers, Config config) {
    this.handlers = handlers;
    this.config = config;
    this.reads =
        Executors.newFixedThreadPool(
            config.readThreads(), Thread.ofPlatform().name("rpc-read-", 0).daemon().factory());
  }

  /**
   * Starts Jackson's first use on a spare thread ({@link JsonWarmUp}); call it first thing, before
   * building the handlers. Completes when it is done.
   */
  public static CompletableFuture<Void> warmUp() {
    return CompletableFuture.runAsync(
        JsonWarmUp::run, r -> Thread.ofPlatform().daemon().name("json-warm-up").start(r));
  }

  /** Serves until {@code in} reaches EOF, then drains and returns. */
  public void serve(InputStream in, OutputStream stdout) throws IOException {
    OutputWriter writer = new OutputWriter(stdout);
    this.out = writer;
    LineReader lines = new LineReader(in, config.maxLineBytes());
    try {
      int len;
      while ((len = lines.next()) != LineReader.EOF) {
        if (len == LineReader.TOO_LONG) {
          writer.send(
              error(
                  NullNode.instance,
                  ErrorCode.LINE_TOO_LONG,
                  "Invalid Request: line longer than " + config.maxLineBytes() + " bytes",
                  null));
        } else if (!isBlank(lines.line(), len)) {
          handleLine(lines.line(), len, !lines.buffered());
        }
      }
    } finally {
      drain();
      writer.close();
    }
  }

  private void drain() {
    writes.shutdown();
    reads.shutdown();
    try {
      if (!writes.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warning("write still running 60 s after stdin closed; abandoning it");
      }
      active.values().forEach(ActiveRequest::cancel);
      if (!reads.awaitTermination(5, TimeUnit.SECONDS)) {
        reads.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * @param idle no more input is buffered: an answer ready now goes straight out on this thread
   */
  private void handleLine(byte[] line, int len, boolean idle) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line, 0, len);
    } catch (IOException e) {
      send(error(NullNode.instance, ErrorCode.PARSE_ERROR, "Parse error: not valid JSON", null));
      return;
    }
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (!node.isArray()) {
      CompletableFuture<byte @Nullable []> reply = process(node);
      if (idle && reply.isDone() && out != null) {
        byte[] now = reply.join();
        if (now != null) {
          out.sendNow(now);
        }
      } else {
        reply.thenAccept(this::send);
      }
      return;
    }
    if (node.isEmpty()) {
      send(
          error(
              NullNode.instance, ErrorCode.INVALID_REQUEST, "Invalid Request: empty batch", null));
      return;
    }
    List<CompletableFuture<byte @Nullable []>> parts = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      parts.add(process(element));
    }
    CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenRun(
            () -> {
              List<byte[]> replies =
                  parts.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
              if (!replies.isEmpty()) {
                send(joinArray(replies));
              }
            });
  }

  private void send(byte @Nullable [] reply) {
    if (reply != null && out != null) {
      out.send(reply);
    }
  }

  /** The reply to one request object, or null for a notification. */
  private CompletableFuture<byte @Nullable []> process(JsonNode node) {
    Envelope.Incoming incoming = Envelope.classify(node);
    if (incoming instanceof Envelope.Invalid invalid) {
      return done(
          error(
              invalid.id(),
              ErrorCode.INVALID_REQUEST,
              "Invalid Request: " + invalid.reason(),
              null));
    }
    Envelope.Call call = (Envelope.Call) incoming;
    JsonNode id = call.id();
    if (call.method().equals(CancelRequest.METHOD)) {
      cancel(call.params());
      return done(id == null ? null : result(id, null));
    }
    Handlers.Bound<?, ?> bound = handlers.find(call.method());
    if (bound == null) {
      return done(
          id == null
              ? null
              : error(id, ErrorCode.METHOD_NOT_FOUND, "Method not found: " + call.method(), null));
    }
    Object params;
    try {
      params = ParamsDecoder.decode(call.params(), bound.method().params());
    } catch (RpcException e) {
      return done(id == null ? null : error(id, e));
    }
    ActiveRequest request = new ActiveRequest(id, Objects.requireNonNull(out), writes);
    if (config.inline().contains(call.method())) {
      return done(execute(bound, params, id, request));
    }
    if (inFlight.incrementAndGet() > config.maxInFlight()) {
      inFlight.decrementAndGet();
      return done(
          id == null
              ? null
              : error(id, ErrorCode.OVERLOADED, "Too many requests in flight; retry later", null));
    }
    String key = id == null ? null : id.toString();
    if (key != null) {
      active.put(key, request);
    }
    ExecutorService pool = bound.method().kind() == Kind.WRITE ? writes.executor() : reads;
    try {
      return CompletableFuture.supplyAsync(() -> execute(bound, params, id, request), pool)
          .whenComplete(
              (r, t) -> {
                inFlight.decrementAndGet();
                if (key != null) {
                  active.remove(key, request);
                }
              });
    } catch (RejectedExecutionException e) {
      inFlight.decrementAndGet();
      return done(
          id == null
              ? null
              : error(id, ErrorCode.SIDECAR_UNAVAILABLE, "The sidecar is shutting down", null));
    }
  }

  private void cancel(@Nullable JsonNode params) {
    JsonNode target = params == null ? null : params.get("id");
    if (target != null) {
      ActiveRequest request = active.get(target.toString());
      if (request != null) {
        request.cancel();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static byte @Nullable [] execute(
      Handlers.Bound<?, ?> bound, Object params, @Nullable JsonNode id, ActiveRequest request) {
    try {
      request.checkCancelled();
      Object value = ((Handler<Object, Object>) bound.handler()).handle(params, request);
      return id == null ? null : result(id, value);
    } catch (RpcException e) {
      return id == null ? null : error(id, e);
    } catch (Exception | Error e) {
      // an Error too (a class missing from the runtime, a stack overflow): without a reply the
      // caller would wait for it until its timeout
      LOG.log(Level.SEVERE, "method " + bound.method().name() + " failed", e);
      return id == null
          ? null
          : error(
              id,
              ErrorCode.INTERNAL,
              "Internal error in " + bound.method().name() + " (details in the sidecar log)",
              null);
    }
  }

  private static CompletableFuture<byte @Nullable []> done(byte @Nullable [] reply) {
    return CompletableFuture.completedFuture(reply);
  }

  private static byte[] result(JsonNode id, @Nullable Object value) {
    return Envelope.resultBytes(id, value);
  }

  private static byte[] error(JsonNode id, RpcException e) {
    return Envelope.bytes(Envelope.error(id, e));
  }

  private static byte[] error(JsonNode id, ErrorCode code, String message, @Nullable String field) {
    return Envelope.bytes(Envelope.error(id, code, message, field));
  }

  private static byte[] joinArray(List<byte[]> parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write('[');
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        bytes.write(',');
      }
      bytes.writeBytes(parts.get(i));
    }
    bytes.write(']');
    return bytes.toByteArray();
  }

  private static boolean isBlank(byte[] line, int len) {
    for (int i = 0; i < len; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}

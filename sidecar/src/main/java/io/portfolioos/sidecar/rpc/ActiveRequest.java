package io.portfolioos.sidecar.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.Progress;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.wire.Envelope;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** One request while it is queued or running: the handle for its progress and cancellation. */
final class ActiveRequest implements RequestContext {
  private static final long PROGRESS_INTERVAL_NANOS = 50_000_000L;

  private final @Nullable JsonNode id;
  private final OutputWriter out;
  private final WriterThread writer;
  private volatile boolean cancelled;
  private long lastProgress;

  ActiveRequest(@Nullable JsonNode id, OutputWriter out, WriterThread writer) {
    this.id = id;
    this.out = out;
    this.writer = writer;
  }

  @Override
  public <T> T onWriter(Supplier<T> work) {
    return writer.call(work);
  }

  void cancel() {
    cancelled = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public void checkCancelled() {
    if (cancelled) {
      throw new RpcException(ErrorCode.CANCELLED, "cancelled by the caller");
    }
  }

  /** At most one notification per 50 ms, but always the last one (done == total). */
  @Override
  public void progress(long done, long total, String message) {
    if (id == null) {
      return;
    }
    long now = System.nanoTime();
    boolean last = total > 0 && done >= total;
    if (!last && lastProgress != 0 && now - lastProgress < PROGRESS_INTERVAL_NANOS) {
      return;
    }
    lastProgress = now;
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.set("id", id);
    params.put("done", done);
    params.put("total", total);
    params.put("message", message);
    out.send(Envelope.bytes(Envelope.notification(Progress.METHOD, params)));
  }
}

package io.portfolioos.sidecar.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.contract.Empty;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A real process running the sidecar's {@link RpcServer} with the JSON-RPC 2.0 specification's
 * example methods (renamed to our dotted convention) plus probes for concurrency, cancel and
 * progress. Started by {@link RpcServerIT} over real pipes.
 */
public final class SpecServer {
  private SpecServer() {}

  record Subtract(@Nullable Integer minuend, @Nullable Integer subtrahend) {}

  record Numbers(int a, int b, int c) {}

  record Anything(
      @Nullable Integer a,
      @Nullable Integer b,
      @Nullable Integer c,
      @Nullable Integer d,
      @Nullable Integer e) {}

  record Sleep(long millis) {}

  record Stats(int maxConcurrentWrites, int maxConcurrentReads) {}

  private static final Duration T = Duration.ofSeconds(30);
  static final Method<Subtract, Integer> SUBTRACT =
      Method.read("spec.subtract", Subtract.class, Integer.class, T, Owner.SIDECAR);
  static final Method<Numbers, Integer> SUM =
      Method.read("spec.sum", Numbers.class, Integer.class, T, Owner.SIDECAR);
  static final Method<Anything, Empty> UPDATE =
      Method.read("spec.update", Anything.class, Empty.class, T, Owner.SIDECAR);
  static final Method<Empty, JsonNode> GET_DATA =
      Method.read("spec.getData", Empty.class, JsonNode.class, T, Owner.SIDECAR);
  static final Method<Anything, Empty> NOTIFY_HELLO =
      Method.read("spec.notifyHello", Anything.class, Empty.class, T, Owner.SIDECAR);
  static final Method<Anything, Empty> NOTIFY_SUM =
      Method.read("spec.notifySum", Anything.class, Empty.class, T, Owner.SIDECAR);
  static final Method<Sleep, Long> WRITE =
      Method.write("probe.write", Sleep.class, Long.class, T, Owner.SIDECAR);
  static final Method<Sleep, Long> READ =
      Method.read("probe.read", Sleep.class, Long.class, T, Owner.SIDECAR);
  static final Method<Sleep, Long> STEPS =
      Method.read("probe.steps", Sleep.class, Long.class, T, Owner.SIDECAR);
  static final Method<Empty, Empty> ERROR =
      Method.read("probe.error", Empty.class, Empty.class, T, Owner.SIDECAR);
  static final Method<Empty, Stats> STATS =
      Method.read("probe.stats", Empty.class, Stats.class, T, Owner.SIDECAR);

  public static void main(String[] args) throws Exception {
    AtomicInteger writes = new AtomicInteger();
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger maxWrites = new AtomicInteger();
    AtomicInteger maxReads = new AtomicInteger();
    Handlers h = new Handlers();
    h.on(SUBTRACT, (p, c) -> p.minuend() - p.subtrahend());
    h.on(SUM, (p, c) -> p.a() + p.b() + p.c());
    h.on(UPDATE, (p, c) -> Empty.INSTANCE);
    h.on(
        GET_DATA,
        (p, c) -> io.portfolioos.contract.wire.Json.MAPPER.valueToTree(new Object[] {"hello", 5}));
    h.on(NOTIFY_HELLO, (p, c) -> Empty.INSTANCE);
    h.on(NOTIFY_SUM, (p, c) -> Empty.INSTANCE);
    h.on(WRITE, (p, c) -> timed(p.millis(), writes, maxWrites));
    h.on(READ, (p, c) -> timed(p.millis(), reads, maxReads));
    h.on(
        STEPS,
        (p, c) -> {
          for (long i = 1; i <= p.millis(); i++) {
            c.checkCancelled();
            Thread.sleep(1);
            c.progress(i, p.millis(), "step " + i);
          }
          return p.millis();
        });
    h.on(STATS, (p, c) -> new Stats(maxWrites.get(), maxReads.get()));
    h.on(
        ERROR,
        (p, c) -> {
          // what a class left out of the jlinked runtime throws
          throw new NoClassDefFoundError("probe/Missing");
        });
    int cap = args.length > 0 ? Integer.parseInt(args[0]) : RpcServer.Config.DEFAULT_MAX_LINE_BYTES;
    RpcServer.Config d = RpcServer.Config.defaults();
    new RpcServer(h, new RpcServer.Config(cap, 4, d.maxInFlight(), d.inline()))
        .serve(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
  }

  private static long timed(long millis, AtomicInteger running, AtomicInteger max)
      throws InterruptedException {
    int now = running.incrementAndGet();
    max.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(millis);
      return millis;
    } finally {
      running.decrementAndGet();
    }
  }
}

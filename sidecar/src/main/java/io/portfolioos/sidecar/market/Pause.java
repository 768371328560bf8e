package io.portfolioos.sidecar.market;

import io.portfolioos.sidecar.rpc.RequestContext;

/** Sleeps in short slices so that a cancelled request stops waiting promptly. */
final class Pause {
  private Pause() {}

  private static final long SLICE_NANOS = 50_000_000L;

  static void nanos(long nanos, RequestContext ctx) throws InterruptedException {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      ctx.checkCancelled();
      long slice = Math.min(left, SLICE_NANOS);
      Thread.sleep(slice / 1_000_000L, (int) (slice % 1_000_000L));
    }
  }
}

package io.portfolioos.sidecar.market;

import io.portfolioos.sidecar.rpc.RequestContext;

/**
 * Spaces requests to one source evenly, at most {@code ratePerSecond}. Callers reserve the next
 * free slot under the lock and sleep outside it, so concurrent fetchers queue fairly.
 */
final class RateLimiter {
  private final long intervalNanos;
  private long nextSlot;

  RateLimiter(double ratePerSecond) {
    this.intervalNanos = (long) (1_000_000_000L / ratePerSecond);
  }

  void acquire(RequestContext ctx) throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlot);
      nextSlot = slot + intervalNanos;
      wait = slot - now;
    }
    Pause.nanos(wait, ctx);
  }
}

package io.portfolioos.sidecar.rpc;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The one thread every write runs on, so no two writes (or a write and a snapshot) overlap. */
final class WriterThread {
  private static final String NAME = "rpc-write";

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name(NAME).daemon().factory());

  ExecutorService executor() {
    return executor;
  }

  /** Runs {@code work} after any write in progress and waits; inline when already on the writer. */
  <T> T call(Supplier<T> work) {
    if (Thread.currentThread().getName().equals(NAME)) {
      return work.get();
    }
    try {
      return CompletableFuture.supplyAsync(work, executor).join();
    } catch (RejectedExecutionException e) {
      throw new RpcException(ErrorCode.SIDECAR_UNAVAILABLE, "The sidecar is shutting down");
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  void shutdown() {
    executor.shutdown();
  }

  boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return executor.awaitTermination(timeout, unit);
  }
}

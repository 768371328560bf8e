package io.portfolioos.shell.llm;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Cancels a running answer: closing the response body being read makes the blocked read fail at
 * once, so no more tokens arrive and the connection to the provider is dropped.
 */
final class Cancellation {
  private volatile boolean cancelled;
  private @Nullable Closeable body;

  synchronized void attach(Closeable stream) throws IOException {
    body = stream;
    if (cancelled) {
      stream.close();
    }
  }

  synchronized void detach() {
    body = null;
  }

  synchronized boolean cancel() {
    boolean was = cancelled;
    cancelled = true;
    Closeable b = body;
    if (b != null) {
      try {
        b.close();
      } catch (IOException e) {
        // The stream is being abandoned; a failure to close it changes nothing.
      }
    }
    return !was;
  }

  boolean isCancelled() {
    return cancelled;
  }

  void check() {
    if (cancelled) {
      throw new RpcException(ErrorCode.CANCELLED, "The answer was cancelled");
    }
  }
}

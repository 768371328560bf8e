package io.portfolioos.sidecar.rpc;

import java.util.function.Supplier;

/** What a running handler may ask of the request it serves: report progress, notice cancel. */
public interface RequestContext {
  /** Sends a {@code $/progress} notification (rate-limited; cheap to call often). */
  void progress(long done, long total, String message);

  boolean isCancelled();

  /** Throws {@code RpcException(CANCELLED)} once the caller sent {@code $/cancelRequest}. */
  void checkCancelled();

  /**
   * Runs {@code work} on the sidecar's single writer thread and waits for it: how a read method
   * (one that computes for long on the read pool) stores its result without racing the writes and
   * snapshots that the writer serializes. Inside a write method, and outside the RPC server (tests,
   * benchmarks), it simply runs {@code work}.
   */
  default <T> T onWriter(Supplier<T> work) {
    return work.get();
  }

  /** For handlers called outside any request (tests, benchmarks). */
  RequestContext NONE =
      new RequestContext() {
        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public void checkCancelled() {}
      };
}

package io.portfolioos.sidecar.rpc;

/** What a running handler may ask of the request it serves: report progress, notice cancel. */
public interface RequestContext {
  /** Sends a {@code $/progress} notification (rate-limited; cheap to call often). */
  void progress(long done, long total, String message);

  boolean isCancelled();

  /** Throws {@code RpcException(CANCELLED)} once the caller sent {@code $/cancelRequest}. */
  void checkCancelled();

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

package io.portfolioos.contract;

/** Reads run concurrently in the sidecar; writes run one at a time on its single writer. */
public enum Kind {
  READ,
  WRITE
}

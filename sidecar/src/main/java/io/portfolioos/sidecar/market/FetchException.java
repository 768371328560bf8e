package io.portfolioos.sidecar.market;

/** A source could not give an answer after retries; the message is the per-symbol reason. */
final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  FetchException(String message) {
    super(message);
  }
}

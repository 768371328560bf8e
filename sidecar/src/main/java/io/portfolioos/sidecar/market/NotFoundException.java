package io.portfolioos.sidecar.market;

/** The source does not know the symbol or series; the message says what it answered. */
final class NotFoundException extends Exception {
  private static final long serialVersionUID = 1L;

  NotFoundException(String message) {
    super(message);
  }
}

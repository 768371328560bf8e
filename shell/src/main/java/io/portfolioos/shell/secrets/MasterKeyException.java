package io.portfolioos.shell.secrets;

/** The master key's home could not be reached or did not keep the key. */
final class MasterKeyException extends Exception {
  private static final long serialVersionUID = 1L;

  MasterKeyException(String message, Throwable cause) {
    super(message, cause);
  }

  MasterKeyException(String message) {
    super(message);
  }
}

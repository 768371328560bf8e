package io.portfolioos.contract;

import org.jspecify.annotations.Nullable;

/**
 * The root of every error that crosses the IPC: it carries the stable {@link ErrorCode} and, for
 * bad input, the name of the offending field. Its message is shown to the user, so it never holds a
 * stack trace or a secret.
 */
public class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final @Nullable String field;

  public RpcException(ErrorCode code, String message) {
    this(code, message, null, null);
  }

  public RpcException(ErrorCode code, String message, @Nullable String field) {
    this(code, message, field, null);
  }

  public RpcException(
      ErrorCode code, String message, @Nullable String field, @Nullable Throwable cause) {
    super(message, cause);
    this.code = code;
    this.field = field;
  }

  public ErrorCode code() {
    return code;
  }

  public @Nullable String field() {
    return field;
  }
}

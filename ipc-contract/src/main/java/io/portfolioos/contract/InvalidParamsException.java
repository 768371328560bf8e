package io.portfolioos.contract;

/**
 * A param failed validation; {@link #field()} names it as a dotted path (e.g. {@code
 * lots[2].quantity}).
 */
public final class InvalidParamsException extends RpcException {
  private static final long serialVersionUID = 1L;

  public InvalidParamsException(String field, String message) {
    super(ErrorCode.INVALID_PARAMS, field + ": " + message, field);
  }
}

package io.portfolioos.sidecar.db;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;

/** The database could not be opened, migrated or used; the message names the file and step. */
public final class DatabaseException extends RpcException {
  private static final long serialVersionUID = 1L;

  DatabaseException(String message, Throwable cause) {
    super(ErrorCode.INTERNAL, message, null, cause);
  }
}

package io.portfolioos.contract;

/**
 * Every error the IPC can answer. {@link #rpcCode()} is the JSON-RPC number; the enum name is the
 * stable symbolic code sent as {@code error.data.code} on the wire and as {@code error.code} to the
 * UI. Names never change once shipped: the UI and saved logs match on them.
 */
public enum ErrorCode {
  PARSE_ERROR(-32700),
  INVALID_REQUEST(-32600),
  LINE_TOO_LONG(-32600),
  METHOD_NOT_FOUND(-32601),
  INVALID_PARAMS(-32602),
  INTERNAL(-32603),
  NOT_FOUND(-32001),
  CONFLICT(-32002),
  INSUFFICIENT_SHARES(-32003),
  UPSTREAM(-32004),
  CANCELLED(-32005),
  TIMEOUT(-32006),
  SIDECAR_RESTARTED(-32007),
  SIDECAR_UNAVAILABLE(-32008),
  CONSENT_REQUIRED(-32009),
  UNAUTHORIZED(-32010),
  FORBIDDEN(-32011),
  OVERLOADED(-32012),
  UNSUPPORTED(-32013),
  /** A valuation needs an FX rate to the base currency that the market tables do not hold. */
  MISSING_FX_RATE(-32014);

  private final int rpcCode;

  ErrorCode(int rpcCode) {
    this.rpcCode = rpcCode;
  }

  public int rpcCode() {
    return rpcCode;
  }

  /** The symbolic code for a JSON-RPC number, used when a peer sent no {@code data.code}. */
  public static ErrorCode fromRpcCode(int rpcCode) {
    for (ErrorCode c : values()) {
      if (c.rpcCode == rpcCode) {
        return c;
      }
    }
    return INTERNAL;
  }
}

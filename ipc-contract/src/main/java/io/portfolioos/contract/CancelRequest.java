package io.portfolioos.contract;

/** The params of a {@code $/cancelRequest} notification: stop the request with {@code id}. */
public record CancelRequest(long id) {
  public static final String METHOD = "$/cancelRequest";
}

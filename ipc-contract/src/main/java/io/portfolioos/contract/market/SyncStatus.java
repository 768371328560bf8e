package io.portfolioos.contract.market;

/** How one symbol or series fared in a sync. */
public enum SyncStatus {
  ok,
  /** The source does not know the symbol (Yahoo's 404 chart error, FRED's missing series). */
  notFound,
  /** Anything else: the reason says what (after retries). */
  failed
}

package io.portfolioos.contract.data;

/**
 * What {@code data.export} writes. {@code netWorthHistory}, {@code prices} and {@code simulation}
 * need data this version may not store yet; the sidecar answers {@code UNSUPPORTED} for those.
 */
public enum ExportKind {
  transactions,
  holdings,
  lots,
  realized,
  netWorthHistory,
  prices,
  simulation
}

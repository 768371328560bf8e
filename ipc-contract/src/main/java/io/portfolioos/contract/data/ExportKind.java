package io.portfolioos.contract.data;

/**
 * What {@code data.export} writes. {@code netWorthHistory} and {@code simulation} are not stored by
 * this version (history is computed on request, runs are not kept); the sidecar answers {@code
 * UNSUPPORTED} for those.
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

package io.portfolioos.contract.data;

/**
 * What {@code data.export} writes. {@code netWorthHistory} is the stored daily snapshots; {@code
 * simulation} is the stored Monte Carlo runs ({@code simulation.runs}), one row per run and year.
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

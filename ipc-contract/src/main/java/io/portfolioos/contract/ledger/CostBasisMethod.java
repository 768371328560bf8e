package io.portfolioos.contract.ledger;

/** Which open lots a sale consumes. */
public enum CostBasisMethod {
  /** Oldest lot first (the default in most jurisdictions). */
  FIFO,
  /** Newest lot first. */
  LIFO,
  /** Highest cost per share first (minimises realized gains). */
  HIFO,
  /** All open lots pooled at their average cost; holding periods still run oldest first. */
  AVERAGE,
  /** The lots named by {@code ledger.assignLots}; an unassigned sale falls back to FIFO. */
  SPECIFIC
}

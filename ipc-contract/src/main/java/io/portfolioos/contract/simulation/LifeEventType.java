package io.portfolioos.contract.simulation;

/** A cash flow that is not the planned withdrawal. */
public enum LifeEventType {
  /** Money taken out on top of the withdrawal (once, or yearly through {@code untilYear}). */
  expense,
  /**
   * Money coming in (a pension, part-time work), yearly from {@code year} through {@code
   * untilYear}.
   */
  income,
  /** A one-off sum coming in (an inheritance, a house sale). */
  windfall
}

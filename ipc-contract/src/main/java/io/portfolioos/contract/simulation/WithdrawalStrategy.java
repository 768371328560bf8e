package io.portfolioos.contract.simulation;

/** The rule that sets each year's withdrawal. */
public enum WithdrawalStrategy {
  /** The initial rate × initial portfolio, kept constant in today's money. */
  constantDollar,
  /** The rate × the portfolio at each withdrawal, optionally between a floor and a ceiling. */
  constantPercentage,
  /** Guyton and Klinger's 2006 decision rules (guardrails). */
  guytonKlinger
}

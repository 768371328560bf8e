package io.portfolioos.contract.market;

/** The wire formats the market client speaks. */
public enum SourceKind {
  /** Yahoo Finance chart API: prices, dividends, splits and FX pairs. */
  yahoo,
  /** FRED observations API (St. Louis Fed): macro series; needs an API key per request. */
  fred
}

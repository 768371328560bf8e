package io.portfolioos.contract.portfolio;

/** How {@code portfolio.allocation} groups holdings. */
public enum AllocationBy {
  symbol,
  account,
  /** Yahoo's instrument type (equity, etf, mutualfund, …); cash is its own class. */
  assetClass,
  accountType
}

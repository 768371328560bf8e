package io.portfolioos.contract.simulation;

/** How a Monte Carlo run draws its annual returns. */
public enum ReturnsModel {
  /** Lognormal returns per asset from an arithmetic mean and standard deviation. */
  parametric,
  /** Whole historical years (or blocks of consecutive years) resampled from the Shiller data. */
  bootstrap
}

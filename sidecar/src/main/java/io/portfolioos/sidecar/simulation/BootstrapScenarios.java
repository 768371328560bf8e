package io.portfolioos.sidecar.simulation;

import java.util.random.RandomGenerator;

/**
 * Resamples history in blocks of {@code blockYears} consecutive years: each block starts at a year
 * drawn uniformly from the window and keeps that year's stocks, bonds and inflation together. A
 * block that runs past the window's last year wraps to its first (circular block bootstrap), so
 * every year is equally likely to be drawn.
 */
final class BootstrapScenarios implements ScenarioSource {
  private final double[] growth;
  private final double[] blended;
  private final double[] inflation;
  private final int blockYears;

  BootstrapScenarios(
      HistoricalReturns data, int from, int to, int blockYears, double stocks, double bonds) {
    int n = to - from + 1;
    this.blended = new double[n];
    this.inflation = new double[n];
    this.growth = new double[n];
    for (int i = 0; i < n; i++) {
      blended[i] = stocks * data.stocks(from + i) + bonds * data.bonds(from + i);
      inflation[i] = data.inflation(from + i);
    }
    PathSimulator.realGrowth(blended, inflation, growth);
    this.blockYears = blockYears;
  }

  @Override
  public void fill(
      RandomGenerator random, double[] growthOut, double[] returns, double[] inflationOut) {
    int n = blended.length;
    int years = returns.length;
    int t = 0;
    while (t < years) {
      int i = random.nextInt(n);
      for (int k = 0; k < blockYears && t < years; k++, t++) {
        growthOut[t] = growth[i];
        returns[t] = blended[i];
        inflationOut[t] = inflation[i];
        if (++i == n) {
          i = 0;
        }
      }
    }
  }
}

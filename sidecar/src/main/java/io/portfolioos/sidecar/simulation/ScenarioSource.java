package io.portfolioos.sidecar.simulation;

import java.util.random.RandomGenerator;

/**
 * Draws one trial's sequence of blended nominal portfolio returns and inflation. It must draw the
 * same amount of randomness for every trial whatever happens to the portfolio, so runs that differ
 * only in the withdrawal rule see the same scenarios.
 */
interface ScenarioSource {
  /**
   * Fills one trial's years: real growth factor {@code (1 + r)/(1 + i)}, nominal blended return r
   * and inflation i.
   */
  void fill(RandomGenerator random, double[] growth, double[] returns, double[] inflation);
}

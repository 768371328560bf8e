package io.portfolioos.sidecar.simulation;

import java.util.random.RandomGenerator;

/**
 * Draws one trial's sequence of blended nominal portfolio returns and inflation. It must draw the
 * same amount of randomness for every trial whatever happens to the portfolio, so runs that differ
 * only in the withdrawal rule see the same scenarios.
 */
interface ScenarioSource {
  void fill(RandomGenerator random, double[] returns, double[] inflation);
}

package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;

/** Arithmetic mean and standard deviation of an annual return (0.07 = 7 %). */
public record AssetReturnAssumption(Double mean, Double stdev) {
  public AssetReturnAssumption {
    Check.range(Check.required(mean, "mean"), -0.5, 1, "mean");
    Check.range(Check.required(stdev, "stdev"), 0, 1, "stdev");
  }
}

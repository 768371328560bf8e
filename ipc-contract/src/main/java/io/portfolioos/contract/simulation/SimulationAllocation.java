package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;

/** Fractions of the portfolio in stocks and bonds, rebalanced every year; they sum to 1. */
public record SimulationAllocation(Double stocks, Double bonds) {
  public SimulationAllocation {
    Check.range(Check.required(stocks, "stocks"), 0, 1, "stocks");
    Check.range(Check.required(bonds, "bonds"), 0, 1, "bonds");
  }
}

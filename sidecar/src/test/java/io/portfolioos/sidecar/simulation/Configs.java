package io.portfolioos.sidecar.simulation;

import io.portfolioos.contract.simulation.AssetReturnAssumption;
import io.portfolioos.contract.simulation.ReturnsModel;
import io.portfolioos.contract.simulation.SimulationAllocation;
import io.portfolioos.contract.simulation.SimulationConfig;
import io.portfolioos.contract.simulation.SimulationLifeEvent;
import io.portfolioos.contract.simulation.SimulationReturns;
import io.portfolioos.contract.simulation.WithdrawalConfig;
import io.portfolioos.contract.simulation.WithdrawalStrategy;
import io.portfolioos.contract.simulation.WithdrawalTiming;
import java.util.List;

/** Test data builders. */
final class Configs {
  private Configs() {}

  static SimulationAllocation allocation(double stocks) {
    return new SimulationAllocation(stocks, 1 - stocks);
  }

  static WithdrawalConfig constantDollar(double rate) {
    return new WithdrawalConfig(WithdrawalStrategy.constantDollar, rate, null, null, null, null);
  }

  static WithdrawalConfig guytonKlinger(double rate) {
    return new WithdrawalConfig(WithdrawalStrategy.guytonKlinger, rate, null, null, 0.2, 0.1);
  }

  static SimulationReturns bootstrap(int blockYears) {
    return new SimulationReturns(
        ReturnsModel.bootstrap, null, null, null, null, blockYears, 1871, 2010);
  }

  static SimulationReturns parametric(
      double stockMean, double stockStdev, double bondMean, double bondStdev, double inflation) {
    return new SimulationReturns(
        ReturnsModel.parametric,
        new AssetReturnAssumption(stockMean, stockStdev),
        new AssetReturnAssumption(bondMean, bondStdev),
        0.1,
        new AssetReturnAssumption(inflation, inflation == 0 ? 0.0 : 0.015),
        null,
        null,
        null);
  }

  static SimulationReturns certain(double stocks, double bonds, double inflation) {
    return new SimulationReturns(
        ReturnsModel.parametric,
        new AssetReturnAssumption(stocks, 0.0),
        new AssetReturnAssumption(bonds, 0.0),
        0.3,
        new AssetReturnAssumption(inflation, 0.0),
        null,
        null,
        null);
  }

  static SimulationConfig config(
      int years,
      int trials,
      double stocks,
      SimulationReturns returns,
      WithdrawalConfig withdrawal,
      List<SimulationLifeEvent> events,
      double fees,
      WithdrawalTiming timing,
      boolean nominal) {
    return new SimulationConfig(
        1_000_000.0,
        years,
        trials,
        42L,
        allocation(stocks),
        returns,
        withdrawal,
        events,
        fees,
        timing,
        nominal);
  }

  static SimulationConfig gkBootstrap(int trials, int years) {
    return config(
        years,
        trials,
        0.6,
        bootstrap(5),
        guytonKlinger(0.05),
        List.of(),
        0.002,
        WithdrawalTiming.start,
        false);
  }
}

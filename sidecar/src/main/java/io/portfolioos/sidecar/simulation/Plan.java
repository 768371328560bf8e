package io.portfolioos.sidecar.simulation;

import io.portfolioos.contract.simulation.LifeEventType;
import io.portfolioos.contract.simulation.SimulationAllocation;
import io.portfolioos.contract.simulation.SimulationLifeEvent;
import io.portfolioos.contract.simulation.WithdrawalConfig;
import io.portfolioos.contract.simulation.WithdrawalStrategy;
import io.portfolioos.contract.simulation.WithdrawalTiming;
import java.util.List;

/**
 * A validated config flattened into primitives for the hot loop: the withdrawal rule, timing, fees,
 * output units and the life events summed per year (today's money, + in, − out).
 */
record Plan(
    double initialPortfolio,
    int years,
    double stocks,
    double bonds,
    WithdrawalStrategy strategy,
    double rate,
    double floor,
    double ceiling,
    double guardrail,
    double adjustment,
    double fees,
    boolean withdrawAtStart,
    boolean nominal,
    List<Double> eventFlows) {

  static Plan of(
      double initialPortfolio,
      int years,
      SimulationAllocation allocation,
      WithdrawalConfig withdrawal,
      List<SimulationLifeEvent> lifeEvents,
      double fees,
      WithdrawalTiming timing,
      boolean nominal) {
    double[] flows = new double[years];
    for (SimulationLifeEvent e : lifeEvents) {
      int last = e.untilYear() == null ? e.year() : e.untilYear();
      double signed = e.type() == LifeEventType.expense ? -e.amount() : e.amount();
      for (int y = e.year(); y <= last; y++) {
        flows[y - 1] += signed;
      }
    }
    return new Plan(
        initialPortfolio,
        years,
        allocation.stocks(),
        allocation.bonds(),
        withdrawal.strategy(),
        withdrawal.rate(),
        withdrawal.floor() == null ? 0 : withdrawal.floor(),
        withdrawal.ceiling() == null ? Double.POSITIVE_INFINITY : withdrawal.ceiling(),
        withdrawal.guardrail() == null ? 0 : withdrawal.guardrail(),
        withdrawal.adjustment() == null ? 0 : withdrawal.adjustment(),
        fees,
        timing == WithdrawalTiming.start,
        nominal,
        java.util.Arrays.stream(flows).boxed().toList());
  }

  /** The same plan with another initial withdrawal rate (safe-withdrawal-rate search). */
  Plan withRate(double newRate) {
    return new Plan(
        initialPortfolio,
        years,
        stocks,
        bonds,
        strategy,
        newRate,
        floor,
        ceiling,
        guardrail,
        adjustment,
        fees,
        withdrawAtStart,
        nominal,
        eventFlows);
  }
}

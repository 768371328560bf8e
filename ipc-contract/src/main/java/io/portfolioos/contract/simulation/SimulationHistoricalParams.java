package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Params of {@code simulation.historical}: replay every rolling period of {@code years} years in
 * the data window {@code from}..{@code to} (inclusive years of returns; default: the whole data
 * set). Defaults as in {@link SimulationConfig}; {@code initialPortfolio} defaults to 1,000,000.
 */
public record SimulationHistoricalParams(
    Integer years,
    SimulationAllocation allocation,
    WithdrawalConfig withdrawal,
    @Nullable Integer from,
    @Nullable Integer to,
    @Nullable List<SimulationLifeEvent> lifeEvents,
    @Nullable WithdrawalTiming withdrawalTiming,
    @Nullable Double fees,
    @Nullable Double initialPortfolio,
    @Nullable Boolean nominal) {

  public SimulationHistoricalParams {
    Check.range(Check.required(years, "years"), 1, SimulationConfig.MAX_YEARS, "years");
    Check.required(allocation, "allocation");
    Check.required(withdrawal, "withdrawal");
    if (from != null && to != null) {
      Check.that(from <= to, "to", "must not be before from");
    }
    lifeEvents = lifeEvents == null ? List.of() : lifeEvents;
    withdrawalTiming = withdrawalTiming == null ? WithdrawalTiming.start : withdrawalTiming;
    fees = fees == null ? 0.0 : fees;
    Check.range(fees, 0, 0.5, "fees");
    initialPortfolio = initialPortfolio == null ? 1_000_000.0 : initialPortfolio;
    Check.that(
        initialPortfolio > 0 && initialPortfolio < 1e15, "initialPortfolio", "must be positive");
    nominal = nominal != null && nominal;
    SimulationConfig.checkAllocation(allocation);
    SimulationConfig.checkLifeEvents(lifeEvents, years);
    lifeEvents = List.copyOf(lifeEvents);
  }
}

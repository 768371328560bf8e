package io.portfolioos.sidecar.simulation;

import io.portfolioos.contract.simulation.SimulationConfig;
import io.portfolioos.contract.simulation.SimulationMethods;
import io.portfolioos.contract.simulation.SimulationResult;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.rpc.Handlers;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.time.Instant;
import java.util.concurrent.ForkJoinPool;

/**
 * Retirement simulations (see docs/simulation.md): computation on the bundled Shiller data; the
 * database only keeps each Monte Carlo run for listing and export. The one public entry of the
 * package: binds the {@code simulation.*} handlers and offers {@link #run} to benchmarks.
 */
public final class SimulationModule {
  private SimulationModule() {}

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /** Shared by every simulation request; daemon threads, one per core. */
  private static final ForkJoinPool POOL = new ForkJoinPool(CORES);

  private static final class Default {
    static final Simulations SIMULATIONS = create(CORES);
  }

  static Simulations create(int threads) {
    return new Simulations(HistoricalReturns.shiller(), POOL, threads);
  }

  public static void register(Handlers handlers, Database db) {
    RunStore runs = new RunStore(db);
    handlers
        .on(
            SimulationMethods.RUN,
            (p, ctx) -> {
              SimulationResult result = Default.SIMULATIONS.run(p.config(), ctx);
              long id = ctx.onWriter(() -> runs.save(p.config(), result, Instant.now()));
              return result.withRunId(id);
            })
        .on(SimulationMethods.RUNS, (p, ctx) -> runs.newest(p.limitOrDefault()))
        .on(SimulationMethods.DELETE_RUN, (p, ctx) -> runs.delete(p.runId()))
        .on(SimulationMethods.HISTORICAL, (p, ctx) -> Default.SIMULATIONS.historical(p))
        .on(SimulationMethods.SENSITIVITY, (p, ctx) -> Default.SIMULATIONS.sensitivity(p, ctx))
        .on(
            SimulationMethods.SAFE_WITHDRAWAL_RATE,
            (p, ctx) -> Default.SIMULATIONS.safeWithdrawalRate(p.config(), p.targetSuccess(), ctx));
  }

  /** Runs a Monte Carlo simulation on all cores, as {@code simulation.run} does. */
  public static SimulationResult run(SimulationConfig config) {
    return Default.SIMULATIONS.run(config, RequestContext.NONE);
  }

  /** Runs a Monte Carlo simulation on {@code threads} threads (benchmarks). */
  public static SimulationResult run(SimulationConfig config, int threads) {
    return create(threads).run(config, RequestContext.NONE);
  }
}

package io.portfolioos.sidecar.simulation;

import io.portfolioos.sidecar.rpc.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Runs trials in fixed blocks of {@value #BLOCK}. Block b draws from its own {@code
 * L64X128MixRandom} seeded from (seed, b), so a trial's scenario depends only on the seed and its
 * index: the result is identical whatever the number of threads or the order blocks run in. Workers
 * pull block indices from a shared counter; progress and cancel are checked between blocks.
 *
 * <p>Percentiles are exact (nearest rank, by {@link Selection#selectByBins} on each year's column)
 * when trials × (years + 1) ≤ {@value #EXACT_MAX_CELLS}; larger runs never hold every path and read
 * percentiles from a {@link ValueHistogram} per worker instead (relative error below 0.05 %).
 * Success and depletion counts are always exact.
 */
final class MonteCarloEngine {
  static final int BLOCK = 512;
  static final long EXACT_MAX_CELLS = 6_000_000L;
  static final double[] PERCENTILES = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

  private static final RandomGeneratorFactory<RandomGenerator> RANDOM =
      RandomGeneratorFactory.of("L64X128MixRandom");

  /** The outcome of a run; percentiles are [percentile][year], null when not asked for. */
  static final class Outcome {
    private final int trials;
    private final int successes;
    private final int[] depletions;
    private final double[][] percentiles;
    private final boolean exact;

    Outcome(int trials, int successes, int[] depletions, double[][] percentiles, boolean exact) {
      this.trials = trials;
      this.successes = successes;
      this.depletions = depletions;
      this.percentiles = percentiles;
      this.exact = exact;
    }

    int trials() {
      return trials;
    }

    int[] depletions() {
      return depletions.clone();
    }

    double[][] percentiles() {
      return percentiles;
    }

    boolean exact() {
      return exact;
    }

    double successRate() {
      return (double) successes / trials;
    }
  }

  private final Executor executor;

  MonteCarloEngine(Executor executor) {
    this.executor = executor;
  }

  Outcome run(
      Plan plan,
      ScenarioSource source,
      int trials,
      long seed,
      int threads,
      boolean withPercentiles,
      RequestContext context) {
    int years = plan.years();
    int blocks = (trials + BLOCK - 1) / BLOCK;
    boolean exact = (long) trials * (years + 1) <= EXACT_MAX_CELLS;
    double[][] columns = withPercentiles && exact ? new double[years + 1][trials] : null;
    boolean histogram = withPercentiles && !exact;
    AtomicInteger nextBlock = new AtomicInteger();
    AtomicInteger doneBlocks = new AtomicInteger();
    AtomicBoolean cancelled = new AtomicBoolean();
    int workerCount = Math.max(1, Math.min(threads, blocks));
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < workerCount; i++) {
      // Only the first worker, which runs on the calling thread, reports progress.
      workers.add(
          new Worker(plan, source, seed, trials, blocks, columns, histogram, context, i == 0));
    }
    parallel(
        workers.stream()
            .<Runnable>map(w -> () -> w.work(nextBlock, doneBlocks, cancelled))
            .toList());
    context.checkCancelled();

    int successes = 0;
    int[] depletions = new int[years];
    ValueHistogram merged =
        histogram ? new ValueHistogram(years + 1, plan.initialPortfolio()) : null;
    for (Worker w : workers) {
      successes += w.successes;
      for (int y = 0; y < years; y++) {
        depletions[y] += w.depletions[y];
      }
      if (merged != null) {
        merged.addAll(w.histogram);
      }
    }
    double[][] percentiles = null;
    if (columns != null) {
      percentiles = exactPercentiles(columns, trials, plan.initialPortfolio(), threads);
    } else if (merged != null) {
      percentiles = new double[PERCENTILES.length][years + 1];
      for (int y = 0; y <= years; y++) {
        for (int i = 0; i < PERCENTILES.length; i++) {
          percentiles[i][y] = merged.valueAtRank(y, Selection.rank(PERCENTILES[i], trials));
        }
      }
    }
    return new Outcome(trials, successes, depletions, percentiles, exact);
  }

  private double[][] exactPercentiles(double[][] columns, int trials, double scale, int threads) {
    int[] ranks = new int[PERCENTILES.length];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = Selection.rank(PERCENTILES[i], trials);
    }
    double[][] out = new double[PERCENTILES.length][columns.length];
    AtomicInteger nextYear = new AtomicInteger();
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < Math.max(1, Math.min(threads, columns.length)); i++) {
      tasks.add(
          () -> {
            Selection.Scratch scratch = new Selection.Scratch(trials);
            double[] values = new double[ranks.length];
            for (int y = nextYear.getAndIncrement();
                y < columns.length;
                y = nextYear.getAndIncrement()) {
              Selection.selectByBins(columns[y], scale, ranks, values, scratch);
              for (int p = 0; p < ranks.length; p++) {
                out[p][y] = values[p];
              }
            }
          });
    }
    parallel(tasks);
    return out;
  }

  /**
   * Runs the tasks, the first on the calling thread, the others on the executor; a task no pool
   * thread has started by the time the caller is done is run (and finds no work left) by the
   * caller, so a busy machine never makes the caller wait for a thread to be scheduled.
   */
  private void parallel(List<Runnable> tasks) {
    List<Claimable> others = new ArrayList<>();
    for (int i = 1; i < tasks.size(); i++) {
      Claimable c = new Claimable(tasks.get(i));
      others.add(c);
      executor.execute(c);
    }
    Throwable failure = null;
    try {
      tasks.get(0).run();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Claimable c : others) {
      c.run();
      try {
        c.done.join();
      } catch (CompletionException e) {
        failure = failure == null ? e.getCause() : failure;
      }
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** A task that runs once, on whichever thread claims it first. */
  private static final class Claimable implements Runnable {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final Runnable body;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Claimable(Runnable body) {
      this.body = body;
    }

    @Override
    public void run() {
      if (!claimed.compareAndSet(false, true)) {
        return;
      }
      try {
        body.run();
        done.complete(null);
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }
  }

  /** The stream of block {@code block}: a SplitMix64 mix of the seed and the block index. */
  static RandomGenerator blockRandom(long seed, int block) {
    long z = seed + (block + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return RANDOM.create(z ^ (z >>> 31));
  }

  private static final class Worker {
    private final PathSimulator simulator;
    private final ScenarioSource source;
    private final long seed;
    private final int trials;
    private final int blocks;
    private final double[][] columns;
    private final RequestContext context;
    private final boolean reportsProgress;
    private final double[] growth;
    private final double[] returns;
    private final double[] inflation;
    private final double[][] blockColumns;
    final ValueHistogram histogram;
    final int[] depletions;
    int successes;

    Worker(
        Plan plan,
        ScenarioSource source,
        long seed,
        int trials,
        int blocks,
        double[][] columns,
        boolean histogram,
        RequestContext context,
        boolean reportsProgress) {
      this.reportsProgress = reportsProgress;
      this.simulator = new PathSimulator(plan);
      this.source = source;
      this.seed = seed;
      this.trials = trials;
      this.blocks = blocks;
      this.columns = columns;
      this.context = context;
      this.growth = new double[plan.years()];
      this.returns = new double[plan.years()];
      this.inflation = new double[plan.years()];
      this.depletions = new int[plan.years()];
      this.blockColumns = columns == null ? new double[plan.years() + 1][BLOCK] : null;
      this.histogram =
          histogram ? new ValueHistogram(plan.years() + 1, plan.initialPortfolio()) : null;
    }

    void work(AtomicInteger nextBlock, AtomicInteger doneBlocks, AtomicBoolean cancelled) {
      for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
        if (cancelled.get() || context.isCancelled()) {
          cancelled.set(true);
          return;
        }
        int start = b * BLOCK;
        int n = Math.min(BLOCK, trials - start);
        RandomGenerator random = blockRandom(seed, b);
        for (int j = 0; j < n; j++) {
          source.fill(random, growth, returns, inflation);
          int depleted =
              columns != null
                  ? simulator.simulate(growth, returns, inflation, columns, start + j)
                  : simulator.simulate(growth, returns, inflation, blockColumns, j);
          if (depleted == 0) {
            successes++;
          } else {
            depletions[depleted - 1]++;
          }
        }
        if (histogram != null) {
          for (int y = 0; y < blockColumns.length; y++) {
            histogram.add(y, blockColumns[y], n);
          }
        }
        int done = doneBlocks.incrementAndGet();
        if (reportsProgress) {
          context.progress(Math.min((long) done * BLOCK, trials), trials, "trials");
        }
      }
    }
  }
}

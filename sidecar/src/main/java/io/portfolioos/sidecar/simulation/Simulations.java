package io.portfolioos.sidecar.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.InvalidParamsException;
import io.portfolioos.contract.simulation.HistoricalPeriod;
import io.portfolioos.contract.simulation.ReturnsModel;
import io.portfolioos.contract.simulation.SimulationConfig;
import io.portfolioos.contract.simulation.SimulationHistoricalParams;
import io.portfolioos.contract.simulation.SimulationHistoricalResult;
import io.portfolioos.contract.simulation.SimulationPercentiles;
import io.portfolioos.contract.simulation.SimulationResult;
import io.portfolioos.contract.simulation.SimulationReturns;
import io.portfolioos.contract.simulation.SimulationSafeWithdrawalRate;
import io.portfolioos.contract.simulation.SimulationSensitivityParams;
import io.portfolioos.contract.simulation.SimulationSensitivityPoint;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.contract.wire.ParamsDecoder;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/** The four simulation methods over one {@link MonteCarloEngine}. */
final class Simulations {
  /** Bisection stops when the bracket is narrower than this. */
  static final double RATE_TOLERANCE = 1e-4;

  private final HistoricalReturns data;
  private final MonteCarloEngine engine;
  private final int threads;

  Simulations(HistoricalReturns data, Executor executor, int threads) {
    this.data = data;
    this.engine = new MonteCarloEngine(executor);
    this.threads = threads;
  }

  SimulationResult run(SimulationConfig config, RequestContext context) {
    return run(config, "config.", context);
  }

  private SimulationResult run(SimulationConfig config, String prefix, RequestContext context) {
    long started = System.nanoTime();
    Plan plan = plan(config);
    ScenarioSource source = scenarios(config, prefix);
    MonteCarloEngine.Outcome o =
        engine.run(plan, source, config.trials(), config.seed(), threads, true, context);
    double[][] p = o.percentiles();
    return new SimulationResult(
        o.successRate(),
        new SimulationPercentiles(
            boxed(p[0]),
            boxed(p[1]),
            boxed(p[2]),
            boxed(p[3]),
            boxed(p[4]),
            boxed(p[5]),
            boxed(p[6])),
        p[3][plan.years()],
        Arrays.stream(o.depletions()).boxed().toList(),
        o.trials(),
        plan.years(),
        (System.nanoTime() - started) / 1_000_000,
        o.exact(),
        null);
  }

  SimulationHistoricalResult historical(SimulationHistoricalParams params) {
    int from = params.from() == null ? data.firstYear() : params.from();
    int to = params.to() == null ? data.lastYear() : params.to();
    checkWindow(from, to, "");
    int years = params.years();
    if (to - from + 1 < years) {
      throw new InvalidParamsException(
          "years", "is longer than the data window " + from + ".." + to);
    }
    Plan plan =
        Plan.of(
            params.initialPortfolio(),
            years,
            params.allocation(),
            params.withdrawal(),
            params.lifeEvents(),
            params.fees(),
            params.withdrawalTiming(),
            params.nominal());
    PathSimulator simulator = new PathSimulator(plan);
    double[] growth = new double[years];
    double[] returns = new double[years];
    double[] inflation = new double[years];
    double[][] values = new double[years + 1][1];
    List<HistoricalPeriod> periods = new ArrayList<>();
    int successes = 0;
    for (int start = from; start + years - 1 <= to; start++) {
      for (int t = 0; t < years; t++) {
        returns[t] = plan.stocks() * data.stocks(start + t) + plan.bonds() * data.bonds(start + t);
        inflation[t] = data.inflation(start + t);
      }
      PathSimulator.realGrowth(returns, inflation, growth);
      int depleted = simulator.simulate(growth, returns, inflation, values, 0);
      if (depleted == 0) {
        successes++;
      }
      periods.add(
          new HistoricalPeriod(
              start, depleted == 0, values[years][0], depleted == 0 ? null : start + depleted - 1));
    }
    return new SimulationHistoricalResult(
        (double) successes / periods.size(), from, to, List.copyOf(periods));
  }

  List<SimulationSensitivityPoint> sensitivity(
      SimulationSensitivityParams params, RequestContext context) {
    JsonNode base = Json.MAPPER.valueToTree(params.config());
    String parameter = params.parameter();
    List<SimulationSensitivityPoint> points = new ArrayList<>();
    List<Double> values = params.values();
    for (int i = 0; i < values.size(); i++) {
      context.checkCancelled();
      context.progress(i, values.size(), parameter + " = " + values.get(i));
      SimulationConfig config = withValue(base, parameter, values.get(i), "values[" + i + "]");
      SimulationResult r = run(config, "values[" + i + "] → ", quiet(context));
      int last = r.years();
      points.add(
          new SimulationSensitivityPoint(
              values.get(i),
              r.successRate(),
              r.percentiles().p10().get(last),
              r.medianTerminal(),
              r.percentiles().p90().get(last)));
    }
    context.progress(values.size(), values.size(), parameter);
    return List.copyOf(points);
  }

  SimulationSafeWithdrawalRate safeWithdrawalRate(
      SimulationConfig config, double target, RequestContext context) {
    Plan plan = plan(config);
    ScenarioSource source = scenarios(config, "config.");
    RequestContext quiet = quiet(context);
    int iterations = 0;
    double lo = 0;
    double hi = 1;
    double loSuccess = successRate(plan.withRate(lo), source, config, quiet);
    double hiSuccess = successRate(plan.withRate(hi), source, config, quiet);
    iterations += 2;
    if (hiSuccess >= target) {
      return swr(hi, hiSuccess, plan, iterations);
    }
    if (loSuccess < target) {
      return swr(lo, loSuccess, plan, iterations);
    }
    int expected = iterations + (int) Math.ceil(Math.log(1 / RATE_TOLERANCE) / Math.log(2));
    while (hi - lo > RATE_TOLERANCE) {
      context.checkCancelled();
      context.progress(iterations, expected, "bisection");
      double mid = (lo + hi) / 2;
      double success = successRate(plan.withRate(mid), source, config, quiet);
      iterations++;
      if (success >= target) {
        lo = mid;
        loSuccess = success;
      } else {
        hi = mid;
      }
    }
    return swr(lo, loSuccess, plan, iterations);
  }

  private static SimulationSafeWithdrawalRate swr(
      double rate, double success, Plan plan, int iterations) {
    return new SimulationSafeWithdrawalRate(
        rate, success, rate * plan.initialPortfolio(), iterations);
  }

  private double successRate(
      Plan plan, ScenarioSource source, SimulationConfig config, RequestContext context) {
    return engine
        .run(plan, source, config.trials(), config.seed(), threads, false, context)
        .successRate();
  }

  static Plan plan(SimulationConfig c) {
    return Plan.of(
        c.initialPortfolio(),
        c.years(),
        c.allocation(),
        c.withdrawal(),
        c.lifeEvents(),
        c.fees(),
        c.withdrawalTiming(),
        c.nominal());
  }

  ScenarioSource scenarios(SimulationConfig config, String prefix) {
    SimulationReturns r = config.returns();
    double stocks = config.allocation().stocks();
    double bonds = config.allocation().bonds();
    if (r.model() == ReturnsModel.parametric) {
      return new ParametricScenarios(r, stocks, bonds);
    }
    int from = r.from() == null ? data.firstYear() : r.from();
    int to = r.to() == null ? data.lastYear() : r.to();
    checkWindow(from, to, prefix + "returns.");
    int blockYears = r.blockYears() == null ? 1 : r.blockYears();
    if (blockYears > to - from + 1) {
      throw new InvalidParamsException(
          prefix + "returns.blockYears", "is longer than the data window " + from + ".." + to);
    }
    return new BootstrapScenarios(data, from, to, blockYears, stocks, bonds);
  }

  private void checkWindow(int from, int to, String prefix) {
    String range = "must be between " + data.firstYear() + " and " + data.lastYear();
    if (from < data.firstYear() || from > data.lastYear()) {
      throw new InvalidParamsException(prefix + "from", range);
    }
    if (to < data.firstYear() || to > data.lastYear()) {
      throw new InvalidParamsException(prefix + "to", range);
    }
    if (from > to) {
      throw new InvalidParamsException(prefix + "to", "must not be before from");
    }
  }

  /**
   * The config with {@code parameter} (a dotted path to a numeric field) set to {@code value}. When
   * the parameter is one side of the allocation, the other side becomes its complement so the
   * allocation still sums to 1.
   */
  static SimulationConfig withValue(JsonNode base, String parameter, double value, String field) {
    ObjectNode copy = (ObjectNode) base.deepCopy();
    set(copy, parameter, value);
    if (parameter.equals("allocation.stocks")) {
      set(copy, "allocation.bonds", 1 - value);
    } else if (parameter.equals("allocation.bonds")) {
      set(copy, "allocation.stocks", 1 - value);
    }
    try {
      return ParamsDecoder.decode(copy, SimulationConfig.class);
    } catch (InvalidParamsException e) {
      throw new InvalidParamsException(field, parameter + " = " + value + ": " + e.getMessage());
    }
  }

  private static void set(ObjectNode root, String path, double value) {
    String[] parts = path.split("\\.", -1);
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (child == null || !child.isObject()) {
        throw notNumeric(path);
      }
      node = (ObjectNode) child;
    }
    String name = parts[parts.length - 1];
    JsonNode current = node.get(name);
    if (!node.has(name) || !(current.isNull() || current.isNumber())) {
      throw notNumeric(path);
    }
    if (current.isIntegralNumber()) {
      if (value != Math.rint(value)) {
        throw new InvalidParamsException("values", path + " takes whole numbers");
      }
      node.put(name, (long) value);
    } else {
      node.put(name, value);
    }
  }

  private static InvalidParamsException notNumeric(String path) {
    return new InvalidParamsException("parameter", path + " is not a numeric field of the config");
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  /** Forwards cancel but not the inner runs' progress, for methods that report their own. */
  private static RequestContext quiet(RequestContext context) {
    return new RequestContext() {
      @Override
      public void progress(long done, long total, String message) {}

      @Override
      public boolean isCancelled() {
        return context.isCancelled();
      }

      @Override
      public void checkCancelled() {
        context.checkCancelled();
      }
    };
  }
}

package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;
import java.util.List;

/**
 * Params of {@code simulation.sensitivity}: run {@code config} once per value of {@code parameter},
 * a dotted path to a numeric field of the config (e.g. {@code withdrawal.rate}, {@code
 * allocation.stocks}, {@code years}). Every run uses the same seed, hence the same scenarios.
 */
public record SimulationSensitivityParams(
    SimulationConfig config, String parameter, List<Double> values) {

  public static final int MAX_VALUES = 50;

  public SimulationSensitivityParams {
    Check.required(config, "config");
    Check.notBlank(parameter, "parameter");
    Check.that(
        !Check.required(values, "values").isEmpty() && values.size() <= MAX_VALUES,
        "values",
        "must hold 1 to " + MAX_VALUES + " numbers");
    for (int i = 0; i < values.size(); i++) {
      Check.required(values.get(i), "values[" + i + "]");
    }
    values = List.copyOf(values);
  }
}

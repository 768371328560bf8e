package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/** Params of {@code simulation.runs}: the newest {@code limit} runs (default 20, at most 1000). */
public record SimulationRunsParams(@Nullable Integer limit) {
  public static final int DEFAULT_LIMIT = 20;

  public SimulationRunsParams {
    if (limit != null) {
      Check.range(limit, 1, 1000, "limit");
    }
  }

  public int limitOrDefault() {
    return limit == null ? DEFAULT_LIMIT : limit;
  }
}

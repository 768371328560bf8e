package io.portfolioos.contract.simulation;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/**
 * The returns model. {@code parametric} needs {@code stocks}, {@code bonds} and {@code inflation}
 * (and takes an optional stock/bond {@code correlation}, default 0); {@code bootstrap} takes the
 * optional {@code blockYears} (default 1) and the data window {@code from}..{@code to} (inclusive
 * years of returns; default: the whole data set). Fields of the other model must be absent.
 */
public record SimulationReturns(
    ReturnsModel model,
    @Nullable AssetReturnAssumption stocks,
    @Nullable AssetReturnAssumption bonds,
    @Nullable Double correlation,
    @Nullable AssetReturnAssumption inflation,
    @Nullable Integer blockYears,
    @Nullable Integer from,
    @Nullable Integer to) {

  public SimulationReturns {
    Check.required(model, "model");
    if (model == ReturnsModel.parametric) {
      Check.required(stocks, "stocks");
      Check.required(bonds, "bonds");
      Check.required(inflation, "inflation");
      if (correlation != null) {
        Check.range(correlation, -1, 1, "correlation");
      }
      absent(blockYears, "blockYears", model);
      absent(from, "from", model);
      absent(to, "to", model);
    } else {
      absent(stocks, "stocks", model);
      absent(bonds, "bonds", model);
      absent(correlation, "correlation", model);
      absent(inflation, "inflation", model);
      if (blockYears != null) {
        Check.range(blockYears, 1, 50, "blockYears");
      }
      if (from != null && to != null) {
        Check.that(from <= to, "to", "must not be before from");
      }
    }
  }

  private static void absent(@Nullable Object value, String field, ReturnsModel model) {
    Check.that(value == null, field, "is not used by the " + model + " model");
  }
}

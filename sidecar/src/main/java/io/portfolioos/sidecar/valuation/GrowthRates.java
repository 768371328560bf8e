package io.portfolioos.sidecar.valuation;

import io.portfolioos.contract.portfolio.GrowthPoint;
import io.portfolioos.contract.portfolio.ValuePoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Net worth change per calendar period: each period's last value against the one before. */
final class GrowthRates {
  private GrowthRates() {}

  static List<GrowthPoint> by(List<ValuePoint> points, Function<LocalDate, String> period) {
    Map<String, BigDecimal> ends = new LinkedHashMap<>();
    for (ValuePoint p : points) {
      ends.put(period.apply(p.date()), p.value());
    }
    List<GrowthPoint> out = new ArrayList<>(ends.size());
    BigDecimal start = points.isEmpty() ? BigDecimal.ZERO : points.getFirst().value();
    for (Map.Entry<String, BigDecimal> e : ends.entrySet()) {
      BigDecimal end = e.getValue();
      Double rate =
          start.signum() > 0 ? end.divide(start, MathContext.DECIMAL64).doubleValue() - 1 : null;
      out.add(new GrowthPoint(e.getKey(), start, end, end.subtract(start), rate));
      start = end;
    }
    return out;
  }
}

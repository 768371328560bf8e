package io.portfolioos.contract.market;

import io.portfolioos.contract.Check;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Params of {@code market.syncMacro}.
 *
 * @param apiKey the FRED API key, put in by the shell from its secret store; the sidecar uses it
 *     for this request only and never stores or logs it
 */
public record MarketSyncMacroParams(
    List<String> seriesIds,
    @Nullable String apiKey,
    @Nullable LocalDate from,
    @Nullable LocalDate to) {
  public MarketSyncMacroParams {
    Check.required(seriesIds, "seriesIds");
    Check.that(!seriesIds.isEmpty(), "seriesIds", "must name at least one series");
    Check.that(seriesIds.size() <= 500, "seriesIds", "must hold at most 500 series");
    List<String> clean = new ArrayList<>(seriesIds.size());
    for (int i = 0; i < seriesIds.size(); i++) {
      clean.add(Symbols.series(seriesIds.get(i), "seriesIds[" + i + "]"));
    }
    seriesIds = List.copyOf(new LinkedHashSet<>(clean));
    Symbols.range(from, to);
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "MarketSyncMacroParams[seriesIds="
        + seriesIds
        + ", apiKey="
        + (apiKey == null ? "absent" : "***")
        + ", from="
        + from
        + ", to="
        + to
        + "]";
  }
}

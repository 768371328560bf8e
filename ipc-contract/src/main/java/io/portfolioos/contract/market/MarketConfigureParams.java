package io.portfolioos.contract.market;

import io.portfolioos.contract.Check;
import java.util.List;

/**
 * Params of {@code market.configure}: the data sources to use from now on. A kind left out keeps
 * its default (the real Yahoo and FRED endpoints).
 */
public record MarketConfigureParams(List<MarketSource> sources) {
  public MarketConfigureParams {
    Check.required(sources, "sources");
    for (int i = 0; i < sources.size(); i++) {
      Check.required(sources.get(i), "sources[" + i + "]");
    }
    sources = List.copyOf(sources);
  }
}

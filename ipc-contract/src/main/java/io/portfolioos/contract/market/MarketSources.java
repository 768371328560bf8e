package io.portfolioos.contract.market;

import java.util.List;

/** The data sources in effect, one per kind. */
public record MarketSources(List<MarketSource> sources) {}

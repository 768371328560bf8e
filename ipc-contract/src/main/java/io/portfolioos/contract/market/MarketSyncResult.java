package io.portfolioos.contract.market;

import java.util.List;

/** The result of a sync: one item per symbol or series, in the order asked. */
public record MarketSyncResult(
    List<MarketSyncItem> items, int ok, int notFound, int failed, int requests) {
  public static MarketSyncResult of(List<MarketSyncItem> items) {
    int ok = 0;
    int notFound = 0;
    int failed = 0;
    int requests = 0;
    for (MarketSyncItem i : items) {
      switch (i.status()) {
        case ok -> ok++;
        case notFound -> notFound++;
        case failed -> failed++;
      }
      requests += i.requests();
    }
    return new MarketSyncResult(List.copyOf(items), ok, notFound, failed, requests);
  }
}

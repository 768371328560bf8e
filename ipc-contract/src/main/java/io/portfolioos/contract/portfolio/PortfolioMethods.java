package io.portfolioos.contract.portfolio;

import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.time.Duration;
import java.util.List;

/** Valuation: net worth, allocation, value history, performance and growth from ledger + prices. */
public final class PortfolioMethods {
  private PortfolioMethods() {}

  public static final Method<NetWorthParams, NetWorth> NET_WORTH =
      Method.read(
          "portfolio.netWorth",
          NetWorthParams.class,
          NetWorth.class,
          Duration.ofSeconds(30),
          Owner.SIDECAR);

  public static final Method<AllocationParams, List<AllocationSlice>> ALLOCATION =
      Method.readList(
          "portfolio.allocation",
          AllocationParams.class,
          AllocationSlice.class,
          Duration.ofSeconds(30),
          Owner.SIDECAR);

  public static final Method<HistoryParams, List<ValuePoint>> HISTORY =
      Method.readList(
          "portfolio.history",
          HistoryParams.class,
          ValuePoint.class,
          Duration.ofSeconds(60),
          Owner.SIDECAR);

  public static final Method<HistoryParams, Performance> PERFORMANCE =
      Method.read(
          "portfolio.performance",
          HistoryParams.class,
          Performance.class,
          Duration.ofSeconds(60),
          Owner.SIDECAR);

  public static final Method<GrowthParams, Growth> GROWTH =
      Method.read(
          "portfolio.growth",
          GrowthParams.class,
          Growth.class,
          Duration.ofSeconds(60),
          Owner.SIDECAR);

  public static final Method<SnapshotParams, Snapshot> SNAPSHOT =
      Method.write(
          "portfolio.snapshot",
          SnapshotParams.class,
          Snapshot.class,
          Duration.ofSeconds(60),
          Owner.SIDECAR);

  public static final List<Method<?, ?>> ALL =
      List.of(NET_WORTH, ALLOCATION, HISTORY, PERFORMANCE, GROWTH, SNAPSHOT);
}

package io.portfolioos.shell.market;

import io.portfolioos.contract.market.MarketMethods;
import io.portfolioos.contract.market.MarketSyncPricesParams;
import io.portfolioos.contract.portfolio.AllocationParams;
import io.portfolioos.contract.portfolio.GrowthParams;
import io.portfolioos.contract.portfolio.HistoryParams;
import io.portfolioos.contract.portfolio.NetWorthParams;
import io.portfolioos.contract.portfolio.PortfolioMethods;
import io.portfolioos.contract.portfolio.SnapshotParams;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.state.AppState;

/**
 * Puts the base currency from preferences into every valuation call and into the price sync (which
 * then syncs the FX pairs into it), unless the call names a currency itself. The preference is read
 * per call, so a change in Settings applies to the next figure without a restart.
 */
final class BaseCurrency {
  private BaseCurrency() {}

  static void install(IpcRouter router, AppState state) {
    router
        .beforeSidecar(
            PortfolioMethods.NET_WORTH,
            p -> p.currency() != null ? p : new NetWorthParams(p.asOf(), state.baseCurrency()))
        .beforeSidecar(
            PortfolioMethods.ALLOCATION,
            p ->
                p.currency() != null
                    ? p
                    : new AllocationParams(p.by(), p.asOf(), state.baseCurrency()))
        .beforeSidecar(PortfolioMethods.HISTORY, p -> history(p, state))
        .beforeSidecar(PortfolioMethods.PERFORMANCE, p -> history(p, state))
        .beforeSidecar(
            PortfolioMethods.GROWTH,
            p -> p.currency() != null ? p : new GrowthParams(p.accountId(), state.baseCurrency()))
        .beforeSidecar(
            PortfolioMethods.SNAPSHOT,
            p -> p.currency() != null ? p : new SnapshotParams(p.asOf(), state.baseCurrency()))
        .beforeSidecar(
            MarketMethods.SYNC_PRICES,
            p ->
                p.currency() != null
                    ? p
                    : new MarketSyncPricesParams(
                        p.symbols(), p.from(), p.to(), state.baseCurrency()));
  }

  private static HistoryParams history(HistoryParams p, AppState state) {
    return p.currency() != null
        ? p
        : new HistoryParams(p.from(), p.to(), p.accountId(), state.baseCurrency());
  }
}

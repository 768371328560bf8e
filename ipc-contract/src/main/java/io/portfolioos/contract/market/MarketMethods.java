package io.portfolioos.contract.market;

import io.portfolioos.contract.Empty;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.time.Duration;
import java.util.List;

/** Market data: Yahoo prices, dividends, splits and FX; FRED macro series; their validation. */
public final class MarketMethods {
  private MarketMethods() {}

  public static final Method<MarketConfigureParams, MarketSources> CONFIGURE =
      Method.write(
          "market.configure",
          MarketConfigureParams.class,
          MarketSources.class,
          Duration.ofSeconds(10),
          Owner.SIDECAR);

  public static final Method<MarketSyncPricesParams, MarketSyncResult> SYNC_PRICES =
      Method.write(
          "market.syncPrices",
          MarketSyncPricesParams.class,
          MarketSyncResult.class,
          Duration.ofMinutes(30),
          Owner.SIDECAR);

  public static final Method<MarketSyncMacroParams, MarketSyncResult> SYNC_MACRO =
      Method.write(
          "market.syncMacro",
          MarketSyncMacroParams.class,
          MarketSyncResult.class,
          Duration.ofMinutes(10),
          Owner.SIDECAR);

  public static final Method<MarketSeriesParams, List<PriceBar>> PRICES =
      Method.readList(
          "market.prices",
          MarketSeriesParams.class,
          PriceBar.class,
          Duration.ofSeconds(30),
          Owner.SIDECAR);

  public static final Method<MarketSeriesParams, List<Dividend>> DIVIDENDS =
      Method.readList(
          "market.dividends",
          MarketSeriesParams.class,
          Dividend.class,
          Duration.ofSeconds(30),
          Owner.SIDECAR);

  public static final Method<MarketSeriesParams, List<Split>> SPLITS =
      Method.readList(
          "market.splits",
          MarketSeriesParams.class,
          Split.class,
          Duration.ofSeconds(30),
          Owner.SIDECAR);

  public static final Method<MarketFxParams, List<FxRate>> FX =
      Method.readList(
          "market.fx", MarketFxParams.class, FxRate.class, Duration.ofSeconds(30), Owner.SIDECAR);

  public static final Method<MarketMacroParams, List<MacroObservation>> MACRO =
      Method.readList(
          "market.macro",
          MarketMacroParams.class,
          MacroObservation.class,
          Duration.ofSeconds(30),
          Owner.SIDECAR);

  public static final Method<MarketValidateParams, MarketValidation> VALIDATE =
      Method.read(
          "market.validate",
          MarketValidateParams.class,
          MarketValidation.class,
          Duration.ofSeconds(30),
          Owner.SIDECAR);

  public static final Method<Empty, List<MarketSyncState>> SYNC_STATE =
      Method.readList(
          "market.syncState",
          Empty.class,
          MarketSyncState.class,
          Duration.ofSeconds(10),
          Owner.SIDECAR);

  public static final List<Method<?, ?>> ALL =
      List.of(
          CONFIGURE,
          SYNC_PRICES,
          SYNC_MACRO,
          PRICES,
          DIVIDENDS,
          SPLITS,
          FX,
          MACRO,
          VALIDATE,
          SYNC_STATE);
}

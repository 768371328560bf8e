package io.portfolioos.shell.market;

import io.portfolioos.contract.market.MarketConfigureParams;
import io.portfolioos.contract.market.MarketMethods;
import io.portfolioos.contract.market.MarketSource;
import io.portfolioos.contract.market.MarketSyncMacroParams;
import io.portfolioos.contract.market.MarketSyncPricesParams;
import io.portfolioos.contract.market.SourceKind;
import io.portfolioos.contract.portfolio.PortfolioMethods;
import io.portfolioos.contract.portfolio.SnapshotParams;
import io.portfolioos.contract.settings.DataSource;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.secrets.SecretStore;
import io.portfolioos.shell.sidecar.SidecarClient;
import io.portfolioos.shell.sidecar.SidecarState;
import io.portfolioos.shell.state.AppState;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the sidecar's market client in step with the shell (docs/market.md): it hands the sidecar
 * the data sources from app state whenever the sidecar starts or a source changes, puts the FRED
 * key from the secret store into {@code market.syncMacro} requests and the base currency from
 * preferences into valuation calls ({@link BaseCurrency}), and syncs held symbols and their FX
 * pairs once a day after the US close, then stores the day's portfolio snapshot.
 */
public final class MarketFeeds implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MarketFeeds.class.getName());

  /** The secret that holds the FRED API key (the Settings page's name for it). */
  static final String FRED_KEY = "fred";

  /** Preference that turns the daily sync off ({@code off}); on by default. */
  static final String AUTO_SYNC = "market.autoSync";

  /** 21:30 UTC: after the New York close in both winter and summer time. */
  static final int SYNC_HOUR_UTC = 21;

  static final int SYNC_MINUTE_UTC = 30;

  private final SidecarClient sidecar;
  private final AppState state;
  private final Clock clock;
  private final boolean autoSyncAllowed;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("market-feeds").unstarted(r));
  private volatile @Nullable LocalDate lastDailySync;

  private MarketFeeds(SidecarClient sidecar, AppState state, Clock clock, boolean autoSyncAllowed) {
    this.sidecar = sidecar;
    this.state = state;
    this.clock = clock;
    this.autoSyncAllowed = autoSyncAllowed;
  }

  /**
   * Wires the feeds into {@code router}. {@code autoSyncAllowed} false (the {@code
   * PORTFOLIOOS_AUTO_SYNC=off} environment, which tests use) never syncs on its own.
   */
  public static MarketFeeds start(
      IpcRouter router,
      SidecarClient sidecar,
      AppState state,
      SecretStore secrets,
      Clock clock,
      boolean autoSyncAllowed) {
    MarketFeeds feeds = new MarketFeeds(sidecar, state, clock, autoSyncAllowed);
    router.beforeSidecar(
        MarketMethods.SYNC_MACRO,
        p ->
            new MarketSyncMacroParams(
                p.seriesIds(), secrets.reveal(FRED_KEY).orElse(null), p.from(), p.to()));
    BaseCurrency.install(router, state);
    state.onDataSourceChange(() -> feeds.scheduler.execute(feeds::configure));
    sidecar.onStateChange(
        s -> {
          if (s == SidecarState.RUNNING) {
            feeds.scheduler.execute(feeds::configure);
          }
        });
    // The sidecar may have started before the feeds were wired (the desktop starts it first):
    // configure() does nothing unless it is already running.
    feeds.scheduler.execute(feeds::configure);
    feeds.scheduler.scheduleWithFixedDelay(feeds::dailyIfDue, 1, 15, TimeUnit.MINUTES);
    return feeds;
  }

  /** The sidecar's view of the data sources: prices from Yahoo's wire format, macro from FRED's. */
  static List<MarketSource> sources(List<DataSource> dataSources) {
    List<MarketSource> out = new ArrayList<>();
    for (DataSource d : dataSources) {
      kindOf(d)
          .ifPresent(
              kind ->
                  out.add(
                      new MarketSource(
                          d.name(),
                          kind,
                          d.baseUrl(),
                          Math.max(0.01, d.rateLimitPerMinute() / 60.0),
                          d.enabled(),
                          null)));
    }
    return out;
  }

  private static Optional<SourceKind> kindOf(DataSource d) {
    return switch (d.kind()) {
      case "PRICES" -> Optional.of(SourceKind.yahoo);
      case "MACRO" -> Optional.of(SourceKind.fred);
      default -> Optional.empty();
    };
  }

  /** Whether the daily sync should run now, given the last day it ran. */
  static boolean due(ZonedDateTime nowUtc, @Nullable LocalDate last) {
    ZonedDateTime closeToday =
        nowUtc.toLocalDate().atTime(SYNC_HOUR_UTC, SYNC_MINUTE_UTC).atZone(ZoneOffset.UTC);
    LocalDate sessionDay =
        nowUtc.isBefore(closeToday) ? nowUtc.toLocalDate().minusDays(1) : nowUtc.toLocalDate();
    return last == null || last.isBefore(sessionDay);
  }

  private void configure() {
    if (sidecar.state() != SidecarState.RUNNING) {
      return; // the next RUNNING transition configures it
    }
    try {
      sidecar
          .call(MarketMethods.CONFIGURE, new MarketConfigureParams(sources(state.dataSources())))
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "could not hand the data sources to the sidecar: " + e.getMessage());
    }
  }

  private void dailyIfDue() {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
    if (!autoSyncAllowed
        || "off".equals(state.setting(AUTO_SYNC).value())
        || sidecar.state() != SidecarState.RUNNING
        || !due(now, lastDailySync)) {
      return;
    }
    try {
      sidecar
          .call(
              MarketMethods.SYNC_PRICES,
              new MarketSyncPricesParams(null, null, null, state.baseCurrency()))
          .get(Duration.ofMinutes(30).toMillis(), TimeUnit.MILLISECONDS);
      sidecar
          .call(PortfolioMethods.SNAPSHOT, new SnapshotParams(null, state.baseCurrency()))
          .get(5, TimeUnit.MINUTES);
      lastDailySync = now.toLocalDate();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "daily market sync failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}

package io.portfolioos.sidecar.market;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.market.MarketConfigureParams;
import io.portfolioos.contract.market.MarketMethods;
import io.portfolioos.contract.market.MarketSource;
import io.portfolioos.contract.market.MarketSources;
import io.portfolioos.contract.market.MarketSyncItem;
import io.portfolioos.contract.market.MarketSyncMacroParams;
import io.portfolioos.contract.market.MarketSyncPricesParams;
import io.portfolioos.contract.market.MarketSyncResult;
import io.portfolioos.contract.market.SourceKind;
import io.portfolioos.contract.portfolio.Currency;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.rpc.Handlers;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Market data (see docs/market.md): Yahoo prices, dividends, splits and FX, FRED macro series, kept
 * in DuckDB and synced incrementally. The one public entry of the package: binds the {@code
 * market.*} handlers and offers the syncs to benchmarks.
 */
public final class MarketModule {
  /** Fetches in flight per sync; the per-source rate limit decides the actual pace. */
  static final int CONCURRENCY = 8;

  static final List<MarketSource> DEFAULT_SOURCES =
      List.of(
          new MarketSource(
              "Yahoo Finance",
              SourceKind.yahoo,
              "https://query2.finance.yahoo.com",
              4,
              true,
              "https://fc.yahoo.com"),
          new MarketSource("FRED", SourceKind.fred, "https://api.stlouisfed.org", 2, true, null));

  private record Clients(
      Map<SourceKind, MarketSource> sources, YahooClient yahoo, FredClient fred) {}

  private final MarketStore store;
  private final Clock clock;
  private final HttpFetcher http;
  private volatile Clients clients;

  private MarketModule(Database db, HttpFetcher.Retry retry, Clock clock) {
    this.store = new MarketStore(db);
    this.clock = clock;
    // One client for the life of the sidecar: connections (and Yahoo's cookie) are reused.
    Supplier<HttpClient> client =
        Suppliers.once(
            () ->
                HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .build());
    this.http = new HttpFetcher(client, retry);
    this.clients = clients(DEFAULT_SOURCES);
  }

  public static MarketModule create(Database db) {
    return new MarketModule(db, HttpFetcher.Retry.DEFAULT, Clock.systemUTC());
  }

  static MarketModule create(Database db, HttpFetcher.Retry retry, Clock clock) {
    return new MarketModule(db, retry, clock);
  }

  public static void register(Handlers handlers, Database db) {
    create(db).bind(handlers);
  }

  void bind(Handlers handlers) {
    handlers
        .on(MarketMethods.CONFIGURE, (p, ctx) -> configure(p))
        .on(MarketMethods.SYNC_PRICES, this::syncPrices)
        .on(MarketMethods.SYNC_MACRO, this::syncMacro)
        .on(MarketMethods.PRICES, (p, ctx) -> store.prices(p.symbol(), p.from(), p.to()))
        .on(MarketMethods.DIVIDENDS, (p, ctx) -> store.dividends(p.symbol(), p.from(), p.to()))
        .on(MarketMethods.SPLITS, (p, ctx) -> store.splits(p.symbol(), p.from(), p.to()))
        .on(MarketMethods.FX, (p, ctx) -> store.fx(p.base(), p.quote(), p.from(), p.to()))
        .on(MarketMethods.MACRO, (p, ctx) -> store.macro(p.seriesId(), p.from(), p.to()))
        .on(
            MarketMethods.VALIDATE,
            (p, ctx) ->
                PriceValidator.validate(p.symbol(), store.prices(p.symbol(), p.from(), p.to())))
        .on(MarketMethods.SYNC_STATE, (p, ctx) -> store.syncState());
  }

  /** Replaces the sources of the kinds given; kinds not given keep what they had. */
  public MarketSources configure(MarketConfigureParams params) {
    synchronized (this) {
      Map<SourceKind, MarketSource> next = new EnumMap<>(clients.sources());
      for (MarketSource s : params.sources()) {
        next.put(s.kind(), s);
      }
      clients = clients(List.copyOf(next.values()));
      return new MarketSources(List.copyOf(next.values()));
    }
  }

  private Clients clients(List<MarketSource> sources) {
    Map<SourceKind, MarketSource> byKind = new EnumMap<>(SourceKind.class);
    for (MarketSource s : sources) {
      byKind.put(s.kind(), s);
    }
    return new Clients(
        byKind,
        new YahooClient(http, byKind.get(SourceKind.yahoo)),
        new FredClient(http, byKind.get(SourceKind.fred)));
  }

  public MarketSyncResult syncPrices(MarketSyncPricesParams params, RequestContext ctx) {
    Clients c = enabled(SourceKind.yahoo);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate to = params.to() == null ? today : params.to();
    Map<String, @Nullable LocalDate> symbols = new LinkedHashMap<>();
    if (params.symbols() != null) {
      params.symbols().forEach(s -> symbols.put(s, null));
      return MarketSyncResult.of(sync(c, symbols, params.from(), to, today, ctx));
    }
    symbols.putAll(store.heldAndTrackedSymbols());
    List<MarketSyncItem> items = new ArrayList<>(sync(c, symbols, params.from(), to, today, ctx));
    // A symbol's trading currency is known only once it has been synced, so the pairs come second.
    Map<String, @Nullable LocalDate> pairs = new LinkedHashMap<>();
    store
        .fxPairsNeeded(Currency.orDefault(params.currency()))
        .forEach((pair, first) -> pairs.putIfAbsent(pair, first));
    pairs.keySet().removeAll(symbols.keySet());
    items.addAll(sync(c, pairs, params.from(), to, today, ctx));
    return MarketSyncResult.of(items);
  }

  private List<MarketSyncItem> sync(
      Clients c,
      Map<String, @Nullable LocalDate> symbols,
      @Nullable LocalDate fromParam,
      LocalDate to,
      LocalDate today,
      RequestContext ctx) {
    if (symbols.isEmpty()) {
      return List.of();
    }
    Map<String, DateRange> covered = store.coverage(SourceKind.yahoo);
    List<SyncRunner.Job> jobs = new ArrayList<>(symbols.size());
    for (Map.Entry<String, @Nullable LocalDate> e : symbols.entrySet()) {
      String s = e.getKey();
      DateRange have = covered.get(s);
      LocalDate first = e.getValue();
      LocalDate from =
          fromParam != null
              ? fromParam
              : first != null ? first : have != null ? have.from() : to.minusYears(10);
      if (from.isAfter(to)) {
        from = to;
      }
      jobs.add(new SyncRunner.Job(s, DateRange.missing(new DateRange(from, to), have), have));
    }
    return SyncRunner.run(
        jobs,
        CONCURRENCY,
        (symbol, ranges, sent) -> {
          List<Chart> charts = new ArrayList<>(ranges.size());
          for (DateRange r : ranges) {
            charts.add(c.yahoo().chart(symbol, r, ctx, sent));
          }
          return charts;
        },
        batch -> store.writeCharts(batch, clock.instant(), today.minusDays(1)),
        charts -> charts.stream().mapToInt(Chart::size).sum(),
        ctx);
  }

  public MarketSyncResult syncMacro(MarketSyncMacroParams params, RequestContext ctx) {
    String key = params.apiKey();
    if (key == null || key.isBlank()) {
      throw new RpcException(
          ErrorCode.UNAUTHORIZED,
          "FRED needs an API key: add yours under Settings → Data sources (free at"
              + " fredaccount.stlouisfed.org)",
          "apiKey");
    }
    Clients c = enabled(SourceKind.fred);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate to = params.to() == null ? today : params.to();
    Map<String, DateRange> covered = store.coverage(SourceKind.fred);
    List<SyncRunner.Job> jobs = new ArrayList<>();
    for (String id : params.seriesIds()) {
      DateRange have = covered.get(id);
      LocalDate from =
          params.from() != null ? params.from() : have != null ? have.from() : to.minusYears(30);
      jobs.add(new SyncRunner.Job(id, DateRange.missing(new DateRange(from, to), have), have));
    }
    return MarketSyncResult.of(
        SyncRunner.run(
            jobs,
            CONCURRENCY,
            (id, ranges, sent) -> {
              List<FredClient.Observation> all = new ArrayList<>();
              for (DateRange r : ranges) {
                all.addAll(c.fred().observations(id, r, key, ctx, sent));
              }
              return all;
            },
            batch -> store.writeMacro(batch, clock.instant(), today.minusDays(1)),
            List::size,
            ctx));
  }

  private Clients enabled(SourceKind kind) {
    Clients c = clients;
    MarketSource s = c.sources().get(kind);
    if (!s.enabled()) {
      throw new RpcException(
          ErrorCode.UNSUPPORTED,
          "the " + s.name() + " data source is turned off in Settings → Data sources");
    }
    return c;
  }
}

package io.portfolioos.sidecar.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.market.MarketConfigureParams;
import io.portfolioos.contract.market.MarketSource;
import io.portfolioos.contract.market.MarketSyncItem;
import io.portfolioos.contract.market.MarketSyncMacroParams;
import io.portfolioos.contract.market.MarketSyncPricesParams;
import io.portfolioos.contract.market.MarketSyncResult;
import io.portfolioos.contract.market.PriceBar;
import io.portfolioos.contract.market.SourceKind;
import io.portfolioos.contract.market.SyncStatus;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Market sync against local fake Yahoo and FRED servers, into a real DuckDB file. */
class MarketSyncTest {
  @TempDir Path dir;

  private FakeYahoo yahoo;
  private FakeFred fred;
  private Database db;
  private MarketModule market;
  private MarketStore store;

  private static final LocalDate AUG1 = LocalDate.of(2020, 8, 1);
  private static final LocalDate SEP30 = LocalDate.of(2020, 9, 30);

  @BeforeEach
  void start() throws Exception {
    yahoo = new FakeYahoo(Set.of("AAPL", "MSFT", "VTI", "EURUSD=X"));
    fred = new FakeFred();
    db = Database.open(dir.resolve("analytics.duckdb"));
    market =
        MarketModule.create(
            db,
            new HttpFetcher.Retry(
                4, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofSeconds(5)),
            Clock.fixed(Instant.parse("2024-06-03T22:00:00Z"), ZoneOffset.UTC));
    market.configure(
        new MarketConfigureParams(
            List.of(
                new MarketSource(
                    "fake yahoo",
                    SourceKind.yahoo,
                    yahoo.baseUrl(),
                    1000,
                    true,
                    yahoo.baseUrl() + "/cookie"),
                new MarketSource("fake fred", SourceKind.fred, fred.baseUrl(), 1000, true, null))));
    store = new MarketStore(db);
  }

  @AfterEach
  void stop() {
    yahoo.close();
    fred.close();
    db.close();
  }

  private MarketSyncResult sync(LocalDate from, LocalDate to, String... symbols) {
    return market.syncPrices(
        new MarketSyncPricesParams(List.of(symbols), from, to), RequestContext.NONE);
  }

  private static long expectedBars(LocalDate from, LocalDate to) {
    return from.datesUntil(to.plusDays(1))
        .filter(d -> FakeYahoo.isWeekday(d) && !FakeYahoo.isNullDay(d))
        .count();
  }

  @Test
  void storesDailyBarsDividendsAndSplitsAndSkipsTheDaysYahooSendsAsNull() {
    MarketSyncResult r = sync(AUG1, SEP30, "AAPL");

    assertThat(r.items()).extracting(MarketSyncItem::status).containsExactly(SyncStatus.ok);
    List<PriceBar> bars = store.prices("AAPL", null, null);
    assertThat(bars).hasSize((int) expectedBars(AUG1, SEP30));
    assertThat(bars).noneMatch(b -> FakeYahoo.isNullDay(b.date()));
    LocalDate nullDay = LocalDate.of(2020, 8, 28);
    assertThat(FakeYahoo.isNullDay(nullDay) && FakeYahoo.isWeekday(nullDay)).isTrue();
    PriceBar first = bars.getFirst();
    assertThat(first.date()).isEqualTo(LocalDate.of(2020, 8, 3));
    double expected =
        FakeYahoo.close("AAPL", first.date().toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay());
    assertThat(first.close().doubleValue())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(first.close().scale()).isEqualTo(6);
    assertThat(first.volume()).isPositive();
    assertThat(store.splits("AAPL", null, null))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.date()).isEqualTo(LocalDate.of(2020, 8, 31));
              assertThat(s.numerator()).isEqualByComparingTo("4");
              assertThat(s.denominator()).isEqualByComparingTo("1");
            });
    assertThat(store.dividends("AAPL", null, null))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.date()).isEqualTo(LocalDate.of(2020, 8, 7));
              assertThat(d.amount()).isEqualTo(new BigDecimal("0.205"));
            });
    assertThat(r.items().getFirst().rows()).isEqualTo(bars.size());
  }

  @Test
  void aSecondSyncOfTheSameRangeSendsNoRequestAndALongerOneFetchesOnlyTheMissingEnds() {
    sync(AUG1, SEP30, "AAPL");
    int before = yahoo.hits.size();

    MarketSyncResult again = sync(AUG1, SEP30, "AAPL");

    assertThat(yahoo.hits).hasSize(before);
    assertThat(again.requests()).isZero();
    assertThat(again.items().getFirst().status()).isEqualTo(SyncStatus.ok);

    sync(LocalDate.of(2020, 7, 1), LocalDate.of(2020, 10, 31), "AAPL");

    assertThat(yahoo.hits.subList(before, yahoo.hits.size()))
        .containsExactly(
            new FakeYahoo.Hit("AAPL", LocalDate.of(2020, 7, 1), LocalDate.of(2020, 7, 31), false),
            new FakeYahoo.Hit(
                "AAPL", LocalDate.of(2020, 10, 1), LocalDate.of(2020, 10, 31), false));
    assertThat(store.prices("AAPL", null, null))
        .hasSize((int) expectedBars(LocalDate.of(2020, 7, 1), LocalDate.of(2020, 10, 31)));
  }

  @Test
  void syncingTheSameDataTwiceByHandLeavesNoDuplicates() {
    sync(AUG1, SEP30, "MSFT");
    db.write(
        c -> {
          try (var s = c.createStatement()) {
            s.execute("DELETE FROM market_sync");
          }
          return null;
        });

    sync(AUG1, SEP30, "MSFT");

    assertThat(store.prices("MSFT", null, null)).hasSize((int) expectedBars(AUG1, SEP30));
    assertThat(store.dividends("MSFT", null, null)).hasSize(1);
  }

  @Test
  void anUnknownSymbolIsNotFoundAndTheOthersStillSync() {
    MarketSyncResult r = sync(AUG1, SEP30, "AAPL", "NOPE", "MSFT");

    assertThat(r.items())
        .extracting(MarketSyncItem::key, MarketSyncItem::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("AAPL", SyncStatus.ok),
            org.assertj.core.groups.Tuple.tuple("NOPE", SyncStatus.notFound),
            org.assertj.core.groups.Tuple.tuple("MSFT", SyncStatus.ok));
    assertThat(r.items().get(1).reason()).isEqualTo("No data found, symbol may be delisted");
    assertThat(r.notFound()).isEqualTo(1);
    assertThat(store.syncState())
        .filteredOn(s -> s.key().equals("NOPE"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.lastStatus()).isEqualTo(SyncStatus.notFound);
              assertThat(s.from()).isNull();
            });
  }

  @Test
  void a429IsRetriedAfterTheSecondsInRetryAfter() {
    yahoo.fault("AAPL", FakeYahoo.Fault.TOO_MANY_REQUESTS);
    long t0 = System.nanoTime();

    MarketSyncResult r = sync(AUG1, SEP30, "AAPL");

    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(r.items().getFirst().status()).isEqualTo(SyncStatus.ok);
    assertThat(r.items().getFirst().requests()).isEqualTo(2);
    assertThat(yahoo.hitsFor("AAPL")).isEqualTo(2);
  }

  @Test
  void a500IsRetriedWithBackoffUntilItSucceeds() {
    yahoo.fault("MSFT", FakeYahoo.Fault.SERVER_ERROR, FakeYahoo.Fault.SERVER_ERROR);

    MarketSyncResult r = sync(AUG1, SEP30, "MSFT");

    assertThat(r.items().getFirst().status()).isEqualTo(SyncStatus.ok);
    assertThat(r.items().getFirst().requests()).isEqualTo(3);
    assertThat(store.prices("MSFT", null, null)).isNotEmpty();
  }

  @Test
  void aServerThatKeepsFailingGivesUpWithTheReasonAfterFourAttempts() {
    yahoo.fault(
        "MSFT",
        FakeYahoo.Fault.SERVER_ERROR,
        FakeYahoo.Fault.SERVER_ERROR,
        FakeYahoo.Fault.SERVER_ERROR,
        FakeYahoo.Fault.SERVER_ERROR);

    MarketSyncResult r = sync(AUG1, SEP30, "MSFT", "AAPL");

    assertThat(r.items().getFirst().status()).isEqualTo(SyncStatus.failed);
    assertThat(r.items().getFirst().reason()).isEqualTo("MSFT: HTTP 500 after 4 attempts");
    assertThat(r.items().get(1).status()).isEqualTo(SyncStatus.ok);
    assertThat(store.prices("MSFT", null, null)).isEmpty();
  }

  @Test
  void aTruncatedBodyIsRetriedAndOneThatStaysTruncatedFailsOnlyItsSymbol() {
    yahoo.fault("AAPL", FakeYahoo.Fault.TRUNCATED);
    yahoo.alwaysTruncate("VTI");

    MarketSyncResult r = sync(AUG1, SEP30, "AAPL", "VTI");

    assertThat(r.items().get(0).status()).isEqualTo(SyncStatus.ok);
    assertThat(r.items().get(0).requests()).isEqualTo(2);
    assertThat(r.items().get(1).status()).isEqualTo(SyncStatus.failed);
    assertThat(r.items().get(1).reason()).startsWith("VTI: connection failed");
    assertThat(store.prices("VTI", null, null)).isEmpty();
  }

  @Test
  void aSymbolWhoseSecondRangeFailsKeepsExactlyWhatItHadBefore() {
    sync(AUG1, SEP30, "VTI");
    List<PriceBar> before = store.prices("VTI", null, null);
    var stateBefore = store.syncState();
    // Extending both ways needs two requests: June-July succeeds, October-December keeps breaking.
    yahoo.truncateFrom("VTI", LocalDate.of(2020, 10, 1));

    MarketSyncResult r = sync(LocalDate.of(2020, 6, 1), LocalDate.of(2020, 12, 31), "VTI");

    assertThat(r.items().getFirst().status()).isEqualTo(SyncStatus.failed);
    assertThat(r.items().getFirst().requests()).isEqualTo(5);
    assertThat(store.prices("VTI", null, null)).isEqualTo(before);
    assertThat(store.syncState().getFirst().from()).isEqualTo(stateBefore.getFirst().from());
    assertThat(store.syncState().getFirst().to()).isEqualTo(stateBefore.getFirst().to());
  }

  @Test
  void whenYahooWantsACrumbTheClientFetchesCookieAndCrumbOnceAndSendsIt() {
    yahoo.requireCrumb = true;

    MarketSyncResult r = sync(AUG1, SEP30, "AAPL");
    MarketSyncResult r2 = sync(AUG1, SEP30, "MSFT");

    assertThat(r.items().getFirst().status()).isEqualTo(SyncStatus.ok);
    assertThat(r2.items().getFirst().status()).isEqualTo(SyncStatus.ok);
    assertThat(r2.items().getFirst().requests()).isEqualTo(1);
    assertThat(yahoo.crumbHandshakes).isEqualTo(1);
    assertThat(yahoo.hits.getLast().crumb()).isTrue();
  }

  @Test
  void fxPairsComeThroughTheSameSourceAndInvert() {
    sync(AUG1, SEP30, "EURUSD=X");

    var eurUsd = store.fx("EUR", "USD", null, null);
    var usdEur = store.fx("USD", "EUR", null, null);

    assertThat(eurUsd).hasSize((int) expectedBars(AUG1, SEP30));
    assertThat(usdEur).hasSameSizeAs(eurUsd);
    assertThat(eurUsd.getFirst().rate().multiply(usdEur.getFirst().rate()).doubleValue())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void progressIsReportedAndACancelledSyncLeavesEverySymbolWholeOrAbsent() {
    AtomicBoolean cancelled = new AtomicBoolean();
    RequestContext ctx =
        new RequestContext() {
          @Override
          public void progress(long done, long total, String message) {
            // The caller cancels as soon as it hears the sync has started.
            cancelled.set(true);
          }

          @Override
          public boolean isCancelled() {
            return cancelled.get();
          }

          @Override
          public void checkCancelled() {
            if (cancelled.get()) {
              throw new RpcException(ErrorCode.CANCELLED, "cancelled by the caller");
            }
          }
        };

    assertThatThrownBy(
            () ->
                market.syncPrices(
                    new MarketSyncPricesParams(
                        List.of("AAPL", "MSFT", "VTI", "EURUSD=X"), AUG1, SEP30),
                    ctx))
        .isInstanceOf(RpcException.class)
        .extracting(e -> ((RpcException) e).code())
        .isEqualTo(ErrorCode.CANCELLED);
    for (String s : List.of("AAPL", "MSFT", "VTI", "EURUSD=X")) {
      assertThat(store.prices(s, null, null).size()).isIn(0, (int) expectedBars(AUG1, SEP30));
    }
  }

  @Test
  void fredObservationsAreStoredWithMissingValuesAsAbsentAndSyncedIncrementally() {
    MarketSyncResult r =
        market.syncMacro(
            new MarketSyncMacroParams(
                List.of("CPIAUCSL", "NOSUCH"),
                FakeFred.KEY,
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31)),
            RequestContext.NONE);

    assertThat(r.items())
        .extracting(MarketSyncItem::status)
        .containsExactly(SyncStatus.ok, SyncStatus.notFound);
    var obs = store.macro("CPIAUCSL", null, null);
    assertThat(obs).hasSize(12);
    assertThat(obs.get(3).value()).isNull();
    assertThat(obs.get(0).value()).isEqualByComparingTo("491.125");
    int requests = fred.requests.size();

    market.syncMacro(
        new MarketSyncMacroParams(
            List.of("CPIAUCSL"),
            FakeFred.KEY,
            LocalDate.of(2020, 1, 1),
            LocalDate.of(2020, 12, 31)),
        RequestContext.NONE);

    assertThat(fred.requests).hasSize(requests);
  }

  @Test
  void withoutAKeyFredSaysSoAndABadKeyNeverAppearsInTheReason() {
    assertThatThrownBy(
            () ->
                market.syncMacro(
                    new MarketSyncMacroParams(List.of("CPIAUCSL"), null, null, null),
                    RequestContext.NONE))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("FRED needs an API key")
        .extracting(e -> ((RpcException) e).code())
        .isEqualTo(ErrorCode.UNAUTHORIZED);

    String wrongKey = "0000secret0000";
    MarketSyncResult r =
        market.syncMacro(
            new MarketSyncMacroParams(List.of("CPIAUCSL"), wrongKey, null, null),
            RequestContext.NONE);

    assertThat(r.items().getFirst().status()).isEqualTo(SyncStatus.failed);
    assertThat(r.items().getFirst().reason()).contains("FRED rejected the API key");
    assertThat(r.toString()).doesNotContain(wrongKey);
    assertThat(store.syncState().toString()).doesNotContain(wrongKey);
    assertThat(new MarketSyncMacroParams(List.of("CPIAUCSL"), wrongKey, null, null).toString())
        .doesNotContain(wrongKey);
  }

  @Test
  void withoutSymbolsItSyncsEverySymbolHeldFromItsFirstTransaction() {
    db.write(
        c -> {
          try (var s = c.createStatement()) {
            s.execute(
                "INSERT INTO transactions (id, account_id, line, date, type, symbol, quantity,"
                    + " price, amount, currency, fingerprint) VALUES"
                    + " (1, 1, 1, DATE '2020-09-01', 'BUY', 'msft', 1, 200, 200, 'USD', 1),"
                    + " (2, 1, 2, DATE '2020-09-15', 'BUY', 'MSFT', 1, 210, 210, 'USD', 2)");
          }
          return null;
        });

    MarketSyncResult r =
        market.syncPrices(new MarketSyncPricesParams(null, null, SEP30), RequestContext.NONE);

    assertThat(r.items()).extracting(MarketSyncItem::key).containsExactly("MSFT");
    assertThat(yahoo.hits)
        .containsExactly(new FakeYahoo.Hit("MSFT", LocalDate.of(2020, 9, 1), SEP30, false));
  }

  @Test
  void withoutSymbolsItAlsoSyncsThePairOfEveryOtherCurrencyHeldIntoTheBaseCurrency() {
    db.write(
        c -> {
          try (var s = c.createStatement()) {
            s.execute(
                "INSERT INTO accounts (id, name, type, currency) VALUES (2, 'E', 'BANK', 'EUR')");
            s.execute(
                "INSERT INTO transactions (id, account_id, line, date, type, symbol, quantity,"
                    + " price, amount, currency, fingerprint) VALUES"
                    + " (1, 1, 1, DATE '2020-09-14', 'BUY', 'MSFT', 1, 200, 200, 'USD', 1),"
                    + " (2, 2, 1, DATE '2020-09-10', 'DEPOSIT', NULL, 0, 0, 100, 'EUR', 2)");
          }
          return null;
        });

    MarketSyncResult r =
        market.syncPrices(
            new MarketSyncPricesParams(null, null, SEP30, "USD"), RequestContext.NONE);

    assertThat(r.items()).extracting(MarketSyncItem::key).containsExactly("MSFT", "EURUSD=X");
    // From a week before the first EUR row, so the first day has the previous close.
    assertThat(yahoo.hits)
        .contains(new FakeYahoo.Hit("EURUSD=X", LocalDate.of(2020, 9, 3), SEP30, false));

    yahoo.hits.clear();
    market.syncPrices(new MarketSyncPricesParams(null, null, SEP30, "EUR"), RequestContext.NONE);
    assertThat(yahoo.hits).extracting(FakeYahoo.Hit::symbol).contains("USDEUR=X");
  }
}

package io.portfolioos.sidecar.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.portfolio.AllocationBy;
import io.portfolioos.contract.portfolio.AllocationParams;
import io.portfolioos.contract.portfolio.AllocationSlice;
import io.portfolioos.contract.portfolio.HistoryParams;
import io.portfolioos.contract.portfolio.NetWorth;
import io.portfolioos.contract.portfolio.NetWorthParams;
import io.portfolioos.contract.portfolio.Performance;
import io.portfolioos.contract.portfolio.ValuePoint;
import io.portfolioos.sidecar.db.Database;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valuation over a real DuckDB file seeded with ledger rows and prices, checked by hand. */
class ValuationTest {
  @TempDir Path dir;
  private Database db;
  private ValuationModule valuation;

  private static final LocalDate D2 = LocalDate.of(2024, 1, 2);
  private static final LocalDate D6 = LocalDate.of(2024, 1, 6);

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("analytics.duckdb"));
    valuation =
        ValuationModule.create(
            db, Clock.fixed(Instant.parse("2024-01-06T12:00:00Z"), ZoneOffset.UTC));
    sql(
        "INSERT INTO accounts (id, name, type, currency) VALUES"
            + " (1, 'Brokerage', 'TAXABLE', 'USD'), (2, 'Euro cash', 'BANK', 'EUR'),"
            + " (3, 'IRA', 'IRA', 'USD')");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void sql(String... statements) {
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            for (String st : statements) {
              s.execute(st);
            }
          }
          return null;
        });
  }

  private static int ids = 0;

  private static String tx(
      long account,
      String date,
      String type,
      String symbol,
      String qty,
      String price,
      String amount,
      String ccy) {
    ids++;
    return "INSERT INTO transactions (id, account_id, line, date, type, symbol, quantity, price,"
        + " amount, currency, fingerprint) VALUES ("
        + ids
        + ", "
        + account
        + ", "
        + ids
        + ", DATE '"
        + date
        + "', '"
        + type
        + "', "
        + (symbol == null ? "NULL" : "'" + symbol + "'")
        + ", "
        + qty
        + ", "
        + price
        + ", "
        + amount
        + ", '"
        + ccy
        + "', "
        + ids
        + ")";
  }

  private static String price(String symbol, String date, String close) {
    return "INSERT INTO prices (symbol, date, close) VALUES ('"
        + symbol
        + "', DATE '"
        + date
        + "', "
        + close
        + ")";
  }

  private void seedUsd() {
    sql(
        tx(1, "2024-01-02", "DEPOSIT", null, "0", "0", "1000", "USD"),
        tx(1, "2024-01-02", "BUY", "AAA", "10", "50", "500", "USD"),
        tx(1, "2024-01-04", "DEPOSIT", null, "0", "0", "500", "USD"),
        price("AAA", "2024-01-02", "50"),
        price("AAA", "2024-01-03", "55"),
        price("AAA", "2024-01-04", "55"),
        price("AAA", "2024-01-05", "52"));
  }

  private List<ValuePoint> history(Long account, String currency) {
    return valuation.history(new HistoryParams(D2, D6, account, currency));
  }

  @Test
  void historyValuesHoldingsAtTheCloseAsOfEachDayPlusCashAndMarksDeposits() {
    seedUsd();

    List<ValuePoint> h = history(1L, "USD");

    assertThat(h)
        .extracting(ValuePoint::date)
        .containsExactly(D2, D2.plusDays(1), D2.plusDays(2), D2.plusDays(3), D6);
    assertThat(h)
        .extracting(p -> p.value().doubleValue())
        .containsExactly(1000.0, 1050.0, 1550.0, 1520.0, 1520.0);
    assertThat(h)
        .extracting(p -> p.cash().doubleValue())
        .containsExactly(500.0, 500.0, 1000.0, 1000.0, 1000.0);
    assertThat(h)
        .extracting(p -> p.flow().doubleValue())
        .containsExactly(1000.0, 0.0, 500.0, 0.0, 0.0);
  }

  @Test
  void performanceLinksDailyReturnsAroundTheDeposit() {
    seedUsd();

    Performance p = valuation.performance(new HistoryParams(D2, D6, 1L, "USD"));

    // 1050/1000 × 1550/(1050+500) × 1520/1550 × 1520/1520 − 1
    assertThat(p.twr()).isCloseTo(1.05 * (1520.0 / 1550.0) - 1, within(1e-9));
    assertThat(p.netFlows()).isEqualByComparingTo("500");
    assertThat(p.startValue()).isEqualByComparingTo("1000");
    assertThat(p.endValue()).isEqualByComparingTo("1520");
    assertThat(p.maxDrawdown()).isCloseTo(1520.0 / 1550.0 - 1, within(1e-9));
    assertThat(p.maxDrawdownTrough()).isEqualTo(LocalDate.of(2024, 1, 5));
    assertThat(p.xirr()).isNotNull();
  }

  @Test
  void sharesBoughtBeforeASplitAreCountedInTodaysUnitsAgainstYahoosSplitAdjustedClose() {
    sql(
        tx(3, "2024-01-02", "BUY", "BBB", "10", "100", "1000", "USD"),
        "INSERT INTO splits VALUES ('BBB', DATE '2024-01-04', 2, 1)",
        price("BBB", "2024-01-02", "50"),
        price("BBB", "2024-01-04", "50"),
        price("BBB", "2024-01-05", "51"));

    List<ValuePoint> h = history(3L, "USD");

    assertThat(h)
        .extracting(p -> p.holdings().doubleValue())
        .containsExactly(1000.0, 1000.0, 1000.0, 1020.0, 1020.0);
  }

  @Test
  void cashInAnotherCurrencyIsConvertedAtTheRateAsOfEachDayAndBack() {
    sql(
        tx(2, "2024-01-02", "DEPOSIT", null, "0", "0", "100", "EUR"),
        price("EURUSD=X", "2024-01-02", "1.10"),
        price("EURUSD=X", "2024-01-04", "1.25"));

    assertThat(history(2L, "USD"))
        .extracting(p -> p.value().doubleValue())
        .containsExactly(110.0, 110.0, 125.0, 125.0, 125.0);
    assertThat(history(2L, "EUR"))
        .extracting(p -> p.value().doubleValue())
        .containsExactly(100.0, 100.0, 100.0, 100.0, 100.0);
  }

  @Test
  void netWorthAndAllocationSplitByAccountSymbolAndType() {
    seedUsd();
    sql(
        tx(2, "2024-01-02", "DEPOSIT", null, "0", "0", "100", "EUR"),
        price("EURUSD=X", "2024-01-04", "1.25"),
        tx(3, "2024-01-03", "BUY", "ZZZ", "1", "10", "10", "USD"),
        "INSERT INTO market_sync (source, key, covered_from, covered_to, currency, instrument_type,"
            + " last_sync_at, last_status) VALUES ('yahoo', 'AAA', DATE '2024-01-01',"
            + " DATE '2024-01-05', 'USD', 'ETF', now(), 'ok')");

    NetWorth nw = valuation.netWorth(new NetWorthParams(LocalDate.of(2024, 1, 5), "USD"));

    // AAA 10 × 52 + cash 1000 (brokerage) + 100 EUR × 1.25 + IRA cash −10, ZZZ unpriced.
    assertThat(nw.total()).isEqualByComparingTo("1635");
    assertThat(nw.holdings()).isEqualByComparingTo("520");
    assertThat(nw.cash()).isEqualByComparingTo("1115");
    assertThat(nw.unpriced()).containsExactly("ZZZ");
    assertThat(nw.unrealizedGain()).isNull();
    assertThat(nw.byAccount())
        .extracting(a -> a.name(), a -> a.value().doubleValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Brokerage", 1520.0),
            org.assertj.core.groups.Tuple.tuple("Euro cash", 125.0),
            org.assertj.core.groups.Tuple.tuple("IRA", -10.0));
    assertThat(nw.byAssetClass()).extracting(AllocationSlice::key).containsExactly("cash", "etf");

    List<AllocationSlice> byType =
        valuation.allocation(
            new AllocationParams(AllocationBy.accountType, LocalDate.of(2024, 1, 5), "USD"));
    assertThat(byType).extracting(AllocationSlice::key).containsExactly("TAXABLE", "BANK", "IRA");
    assertThat(byType.getFirst().weight()).isCloseTo(1520.0 / 1635.0, within(1e-9));
  }

  /** An EUR account holding an EUR-traded stock, valued in USD with a known EURUSD series. */
  private void seedEur() {
    sql(
        tx(2, "2024-01-02", "DEPOSIT", null, "0", "0", "1000", "EUR"),
        tx(2, "2024-01-03", "BUY", "SAP", "5", "100", "500", "EUR"),
        "INSERT INTO market_sync (source, key, currency, instrument_type, last_sync_at,"
            + " last_status) VALUES ('yahoo', 'SAP', 'EUR', 'EQUITY', now(), 'ok')",
        price("SAP", "2024-01-02", "98"),
        price("SAP", "2024-01-03", "100"),
        price("SAP", "2024-01-04", "104"),
        price("SAP", "2024-01-05", "102"),
        price("EURUSD=X", "2024-01-01", "1.10"),
        price("EURUSD=X", "2024-01-03", "1.20"),
        price("EURUSD=X", "2024-01-05", "1.05"));
  }

  @Test
  void holdingsAndCashInAnotherCurrencyAreConvertedAtTheLatestRateOnOrBeforeEachDay() {
    seedEur();

    List<ValuePoint> h = history(2L, "USD");

    // 01-02: cash 1000 EUR × 1.10 (the rate of 01-01)
    // 01-03: 5 SAP × 100 + cash 500 = 1000 EUR × 1.20
    // 01-04: 5 × 104 + 500 = 1020 EUR × 1.20 (01-03's rate: none on the 4th)
    // 01-05: 5 × 102 + 500 = 1010 EUR × 1.05; Saturday 01-06 keeps Friday's close and rate
    assertThat(h)
        .extracting(p -> p.value().doubleValue())
        .containsExactly(1100.0, 1200.0, 1224.0, 1060.5, 1060.5);
    assertThat(h)
        .extracting(p -> p.holdings().doubleValue())
        .containsExactly(0.0, 600.0, 624.0, 535.5, 535.5);
    assertThat(h)
        .extracting(p -> p.flow().doubleValue())
        .containsExactly(1100.0, 0.0, 0.0, 0.0, 0.0);

    NetWorth nw = valuation.netWorth(new NetWorthParams(LocalDate.of(2024, 1, 5), "USD"));
    assertThat(nw.total()).isEqualByComparingTo("1060.5");
    assertThat(nw.holdings()).isEqualByComparingTo("535.5");
    assertThat(nw.cash()).isEqualByComparingTo("525");
    assertThat(nw.currency()).isEqualTo("USD");
  }

  @Test
  void aMissingRateIsAnErrorNamingThePairNeverALeftOutAmount() {
    seedEur();

    assertThatThrownBy(() -> history(2L, "GBP"))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FX_RATE))
        .hasMessageContaining("EURGBP=X");
    assertThatThrownBy(
            () -> valuation.netWorth(new NetWorthParams(LocalDate.of(2024, 1, 5), "GBP")))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("No EUR→GBP rate on or before 2024-01-05");
    // No currency given: USD.
    assertThat(valuation.history(new HistoryParams(D2, D6, 2L, null)).getLast().value())
        .isEqualByComparingTo("1060.5");
    // Without the rate of 01-01, the deposit of 01-02 has nothing to convert with.
    sql("DELETE FROM prices WHERE symbol = 'EURUSD=X' AND date = DATE '2024-01-01'");
    assertThatThrownBy(() -> history(2L, "USD"))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("No EUR→USD rate on or before 2024-01-02");
  }

  @Test
  void aCostBasisWithoutARateIsAnErrorNotAGainLeftOut() {
    // An EUR account spent all its cash on a USD-priced ETF: the value needs no rate, the cost
    // does.
    sql(
        tx(2, "2024-01-02", "DEPOSIT", null, "0", "0", "500", "EUR"),
        tx(2, "2024-01-03", "BUY", "AAA", "5", "100", "500", "EUR"),
        "INSERT INTO market_sync (source, key, currency, instrument_type, last_sync_at,"
            + " last_status) VALUES ('yahoo', 'AAA', 'USD', 'ETF', now(), 'ok')",
        price("AAA", "2024-01-05", "110"),
        "INSERT INTO positions VALUES (2, 'AAA', 5, 500, 0, 1)");

    assertThatThrownBy(() -> valuation.netWorth(new NetWorthParams(null, "USD")))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FX_RATE))
        .hasMessageContaining("No EUR→USD rate");

    sql(price("EURUSD=X", "2024-01-02", "1.08"));
    NetWorth nw = valuation.netWorth(new NetWorthParams(null, "USD"));
    assertThat(nw.holdings()).isEqualByComparingTo("550");
    assertThat(nw.unrealizedGain()).isEqualByComparingTo("10"); // 550 − 500 × 1.08
  }
}

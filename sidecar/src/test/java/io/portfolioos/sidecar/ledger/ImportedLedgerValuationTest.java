package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.portfolio.HistoryParams;
import io.portfolioos.contract.portfolio.NetWorth;
import io.portfolioos.contract.portfolio.NetWorthParams;
import io.portfolioos.contract.portfolio.Performance;
import io.portfolioos.contract.portfolio.ValuePoint;
import io.portfolioos.sidecar.valuation.ValuationModule;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Valuation of a generic CSV imported by the real ledger importer and lot engine: the figures
 * depend on reading the ledger's sign conventions right (signed amounts, trades given by amount
 * without a price, reinvested dividends beside their DIVIDEND row), so each is checked by hand.
 */
class ImportedLedgerValuationTest {
  private static final LocalDate FROM = LocalDate.of(2024, 1, 2);
  private static final LocalDate TO = LocalDate.of(2024, 1, 8);

  private LedgerFixture ledger;
  private ValuationModule valuation;
  private long account;

  @BeforeEach
  void importAndPrice() {
    ledger = new LedgerFixture();
    valuation = ValuationModule.create(ledger.db);
    account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(
        account,
        """
        2024-01-02,DEPOSIT,,,,,10000.00,USD,,
        2024-01-02,BUY,AAA,10,100.00,5.00,-1005.00,USD,,
        2024-01-03,BUY,BBB,20,,1.00,-1001.00,USD,,bought by amount only
        2024-01-04,DIVIDEND,AAA,,,,12.00,USD,,
        2024-01-04,REINVEST,AAA,0.1,120.00,,-12.00,USD,,dividend reinvested
        2024-01-05,SELL,BBB,10,55.00,2.00,,USD,,proceeds from price and fees
        2024-01-05,FEE,,,,,-3.00,USD,,
        2024-01-08,WITHDRAWAL,,,,,-500.00,USD,,
        """);
    ledger.db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "INSERT INTO prices (symbol, date, close) VALUES"
                    + " ('AAA', DATE '2024-01-02', 100), ('AAA', DATE '2024-01-03', 110),"
                    + " ('AAA', DATE '2024-01-04', 120), ('AAA', DATE '2024-01-05', 118),"
                    + " ('AAA', DATE '2024-01-08', 125),"
                    + " ('BBB', DATE '2024-01-02', 50), ('BBB', DATE '2024-01-03', 50),"
                    + " ('BBB', DATE '2024-01-04', 52), ('BBB', DATE '2024-01-05', 55),"
                    + " ('BBB', DATE '2024-01-08', 54)");
          }
          return null;
        });
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  @Test
  void historyFollowsTheImportedCashAndShares() {
    List<ValuePoint> h = valuation.history(new HistoryParams(FROM, TO, account, "USD"));

    // cash: 10000 − 1005 | − 1001 | + 12 − 12 | + (10 × 55 − 2) − 3 | weekend | − 500
    assertThat(h)
        .extracting(p -> p.cash().doubleValue())
        .containsExactly(8995.0, 7994.0, 7994.0, 8539.0, 8539.0, 8539.0, 8039.0);
    // AAA 10 then 10.1 shares, BBB 20 then 10, at each day's close (weekend carried forward)
    assertThat(h)
        .extracting(p -> p.holdings().doubleValue())
        .containsExactly(1000.0, 2100.0, 2252.0, 1741.8, 1741.8, 1741.8, 1802.5);
    assertThat(h)
        .extracting(p -> p.value().doubleValue())
        .containsExactly(9995.0, 10094.0, 10246.0, 10280.8, 10280.8, 10280.8, 9841.5);
    assertThat(h)
        .extracting(p -> p.flow().doubleValue())
        .containsExactly(10000.0, 0.0, 0.0, 0.0, 0.0, 0.0, -500.0);
  }

  @Test
  void netWorthSplitsHoldingsCashAndGainAgainstTheLedgersBasis() {
    // today: the last closes carry forward, and the ledger's current basis applies
    NetWorth nw = valuation.netWorth(new NetWorthParams(null, "USD"));

    assertThat(nw.total()).isEqualByComparingTo("9841.5");
    assertThat(nw.holdings()).isEqualByComparingTo("1802.5");
    assertThat(nw.cash()).isEqualByComparingTo("8039");
    // basis AAA 1005 + 12, BBB 1001 / 2 left: 1802.5 − 1517.5
    assertThat(nw.unrealizedGain()).isEqualByComparingTo("285");
    assertThat(nw.unpriced()).isEmpty();
  }

  @Test
  void performanceLeavesTheWithdrawalOutAndCountsTheDividendOnce() {
    Performance p = valuation.performance(new HistoryParams(FROM, TO, account, "USD"));

    assertThat(p.startValue()).isEqualByComparingTo("9995");
    assertThat(p.endValue()).isEqualByComparingTo("9841.5");
    assertThat(p.netFlows()).isEqualByComparingTo("-500");
    // linked daily: 10280.8 / 9995 up to Friday, then 9841.5 / (10280.8 − 500)
    assertThat(p.twr()).isCloseTo(10280.8 / 9995.0 * (9841.5 / 9780.8) - 1, within(1e-9));
    assertThat(p.dividendIncome()).isEqualByComparingTo("12");
  }
}

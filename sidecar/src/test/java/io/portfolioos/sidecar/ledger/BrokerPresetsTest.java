package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.contract.ledger.Broker;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.Disposal;
import io.portfolioos.contract.ledger.Holding;
import io.portfolioos.contract.ledger.ImportResult;
import io.portfolioos.contract.ledger.Term;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each broker's synthetic export (beside this test) imports by auto-detection into the holdings and
 * realized gains computed by hand below, and re-importing it adds nothing.
 */
class BrokerPresetsTest {
  private final LedgerFixture ledger = new LedgerFixture();

  @AfterEach
  void close() {
    ledger.close();
  }

  /**
   * schwab: AAPL 10 for 1850, 5 sold for 949.95 (fees deducted): basis 925, gain 24.95; SCHD 100
   * for 7500 plus 0.5 reinvested for 38; NVDA 10 for 4900 and a split adding 30 shares.
   *
   * <p>fidelity: MSFT 10 for 2500, 4 sold for 1679.98 after a year: gain 679.98 LONG; FXAIX 20 for
   * 3000 plus 0.068 reinvested for 12.34.
   *
   * <p>vanguard: VTI 20 for 4000, 5 sold for 1200: basis 1000, gain 200; 0.2 reinvested for 50.
   *
   * <p>ibkr: AAPL 20 for 2502.40 and 10 for 1801.90; 15 sold for 2716.68 take 15/20 of the first
   * lot, 1876.80: gain 839.88 LONG; SAP 5 for 705.50 (EUR).
   *
   * <p>traderepublic: 15 for 1001.00 and 1.5 for 100.00; 8 sold for 749.00 take 8/15 of 1001 =
   * 533.866667 (half-even): gain 215.133333 LONG; 7 left with 467.133333.
   */
  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      value = {
        "schwab|8|AAPL=5/925,NVDA=40/4900,SCHD=100.5/7538|24.95|SHORT",
        "fidelity|6|FXAIX=20.068/3012.34,MSFT=6/1500|679.98|LONG",
        "vanguard|5|VTI=15.2/3050|200|SHORT",
        "ibkr|4|AAPL=15/2427.5,SAP=5/705.5|839.88|LONG",
        "traderepublic|6|IE00B4L5Y983=8.5/567.133333|215.133333|LONG"
      })
  void importsTheExportAsDownloaded(
      Broker broker, long rows, String holdings, String gain, Term term) throws Exception {
    long account = ledger.account(CostBasisMethod.FIFO);
    Path file = fixture(broker.name() + ".csv");
    ImportResult first = ledger.importFile(account, file, Broker.auto);
    assertThat(first.broker()).isEqualTo(broker);
    assertThat(first.imported()).isEqualTo(rows);
    assertThat(first.rejected()).isEmpty();

    Map<String, String> expected = new TreeMap<>();
    for (String h : holdings.split(",")) {
      expected.put(h.substring(0, h.indexOf('=')), h.substring(h.indexOf('=') + 1));
    }
    Map<String, String> actual = new TreeMap<>();
    for (Holding h : ledger.holdings(account)) {
      actual.put(
          h.symbol(),
          h.quantity().stripTrailingZeros().toPlainString()
              + "/"
              + h.costBasis().stripTrailingZeros().toPlainString());
    }
    assertThat(actual).isEqualTo(expected);

    List<Disposal> realized = ledger.realized(account);
    assertThat(realized.stream().map(Disposal::gain).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(gain);
    assertThat(realized).extracting(Disposal::term).containsOnly(term);

    ImportResult again = ledger.importFile(account, file, broker);
    assertThat(again.imported()).isZero();
    assertThat(again.duplicates()).isEqualTo(rows);
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(BrokerPresetsTest.class.getResource(name).toURI());
  }
}

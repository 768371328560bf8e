package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.Disposal;
import io.portfolioos.contract.ledger.Holding;
import io.portfolioos.contract.ledger.Lot;
import io.portfolioos.contract.ledger.Term;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every figure here was computed by hand; see the comment above each case. */
class WorkedExamplesTest {
  private final LedgerFixture ledger = new LedgerFixture();

  @AfterEach
  void close() {
    ledger.close();
  }

  /**
   * Three lots: 10 @ 100 (2023-01-10, basis 1000), 10 @ 150 (2023-03-01, 1500), 10 @ 120
   * (2023-06-01, 1200); total 3700. Sell 15 @ 200 with 10 fees on 2024-03-01: proceeds 2990.
   */
  private static final String THREE_LOTS =
      """
      2023-01-10,BUY,ACME,10,100,0,,USD,,
      2023-03-01,BUY,ACME,10,150,0,,USD,,
      2023-06-01,BUY,ACME,10,120,0,,USD,,
      2024-03-01,SELL,ACME,15,200,10,,USD,,
      """;

  /**
   * FIFO sells lot 1 (basis 1000) and 5 of lot 2 (750): realized 2990 - 1750 = 1240. LIFO sells lot
   * 3 (1200) and 5 of lot 2 (750): 1040. HIFO sells lot 2 (1500) and 5 of lot 3 (600): 890. AVERAGE
   * sells half the pool of 3700: 1850, realized 1140. The open basis is 3700 minus the disposed
   * basis in every case.
   */
  @ParameterizedTest
  @CsvSource({"FIFO,1240,1950", "LIFO,1040,1750", "HIFO,890,1600", "AVERAGE,1140,1850"})
  void eachMethodRealizesItsOwnGain(CostBasisMethod method, String realized, String openBasis) {
    long account = ledger.account(method);
    ledger.importRows(account, THREE_LOTS);
    Holding h = ledger.holding(account, "ACME");
    assertThat(h.quantity()).isEqualByComparingTo("15");
    assertThat(h.realizedGain()).isEqualByComparingTo(realized);
    assertThat(h.costBasis()).isEqualByComparingTo(openBasis);
    BigDecimal lotBasis =
        ledger.lots(account, "ACME").stream()
            .map(Lot::costBasis)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(lotBasis).isEqualByComparingTo(openBasis);
    BigDecimal gains =
        ledger.realized(account).stream()
            .map(Disposal::gain)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(gains).isEqualByComparingTo(realized);
  }

  /**
   * The same three lots and sale written newest first: ids follow the file, but replay follows the
   * dates, so every method realizes exactly what it does for the file in date order.
   */
  @ParameterizedTest
  @CsvSource({"FIFO,1240", "LIFO,1040", "HIFO,890", "AVERAGE,1140"})
  void aFileOutOfDateOrderReplaysByDate(CostBasisMethod method, String realized) {
    long account = ledger.account(method);
    ledger.importRows(
        account,
        THREE_LOTS.lines().toList().reversed().stream()
            .map(l -> l + "\n")
            .reduce("", String::concat));
    Holding h = ledger.holding(account, "ACME");
    assertThat(h.quantity()).isEqualByComparingTo("15");
    assertThat(h.realizedGain()).isEqualByComparingTo(realized);
  }

  /**
   * FIFO pieces: 10 from lot 1 get 10/15 of 2990 = 1993.333333 (gain 993.333333, held over a year:
   * LONG); 5 from lot 2 get the rest, 996.666667, basis 750 (gain 246.666667). Lot 2 was bought
   * 2023-03-01 and sold 2024-03-01: exactly one year is not more than one year, so SHORT.
   */
  @Test
  void fifoSplitsProceedsExactlyAndTheAnniversaryIsStillShortTerm() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(account, THREE_LOTS);
    List<Disposal> d = ledger.realized(account);
    assertThat(d).hasSize(2);
    assertThat(d.get(0).quantity()).isEqualByComparingTo("10");
    assertThat(d.get(0).proceeds()).isEqualByComparingTo("1993.333333");
    assertThat(d.get(0).costBasis()).isEqualByComparingTo("1000");
    assertThat(d.get(0).term()).isEqualTo(Term.LONG);
    assertThat(d.get(1).quantity()).isEqualByComparingTo("5");
    assertThat(d.get(1).proceeds()).isEqualByComparingTo("996.666667");
    assertThat(d.get(1).costBasis()).isEqualByComparingTo("750");
    assertThat(d.get(1).gain()).isEqualByComparingTo("246.666667");
    assertThat(d.get(1).term()).isEqualTo(Term.SHORT);
  }

  /** One day after the anniversary the same lot is LONG. */
  @Test
  void oneDayPastTheAnniversaryIsLongTerm() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(
        account, "2023-03-01,BUY,ACME,1,10,0,,USD,,\n2024-03-02,SELL,ACME,1,12,0,,USD,,\n");
    assertThat(ledger.realized(account).getFirst().term()).isEqualTo(Term.LONG);
  }

  /** Buy 10 @ 10 with 5 fees: basis 105. Sell 10 @ 12 with 5 fees: proceeds 115, gain 10. */
  @Test
  void feesAddToBasisAndReduceProceeds() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(
        account, "2024-01-02,BUY,ACME,10,10,5,,USD,,\n2024-02-01,SELL,ACME,10,12,5,,USD,,\n");
    Disposal d = ledger.realized(account).getFirst();
    assertThat(d.costBasis()).isEqualByComparingTo("105");
    assertThat(d.proceeds()).isEqualByComparingTo("115");
    assertThat(d.gain()).isEqualByComparingTo("10");
  }

  /**
   * Buy 10 @ 100 (basis 1000); 2:1 split → 20 shares at 50, same basis and date. Sell 5 @ 60:
   * proceeds 300, basis 1000 × 5/20 = 250, gain 50; 15 left with basis 750.
   */
  @Test
  void aSplitKeepsBasisAndDate() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(
        account,
        """
        2023-01-10,BUY,ACME,10,100,0,,USD,,
        2023-06-01,SPLIT,ACME,,,,,USD,2:1,
        2023-07-01,SELL,ACME,5,60,0,,USD,,
        """);
    Lot lot = ledger.lots(account, "ACME").getFirst();
    assertThat(lot.acquired()).hasToString("2023-01-10");
    assertThat(lot.quantity()).isEqualByComparingTo("20");
    assertThat(lot.remaining()).isEqualByComparingTo("15");
    assertThat(lot.costBasis()).isEqualByComparingTo("750");
    assertThat(lot.costPerShare()).isEqualByComparingTo("50");
    assertThat(ledger.realized(account).getFirst().gain()).isEqualByComparingTo("50");
  }

  /**
   * Buy 10 @ 50 (500); a 20.00 dividend reinvested as 0.4 shares @ 50 is income and a new lot of
   * basis 20: 10.4 shares, basis 520.
   */
  @Test
  void aReinvestedDividendIsANewLot() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(
        account,
        """
        2024-01-02,BUY,FUND,10,50,0,,USD,,
        2024-03-15,REINVEST,FUND,0.4,50,0,20,USD,,dividend reinvested
        """);
    Holding h = ledger.holding(account, "FUND");
    assertThat(h.quantity()).isEqualByComparingTo("10.4");
    assertThat(h.costBasis()).isEqualByComparingTo("520");
    assertThat(h.openLots()).isEqualTo(2);
    assertThat(h.averageCost()).isEqualByComparingTo("50");
  }

  /**
   * 5 shares move in with their original cost 400 and date 2020-05-01; sold 2024-02-01 @ 100:
   * proceeds 500, gain 100, LONG because the holding period started in 2020.
   */
  @Test
  void aTransferInKeepsItsOriginalCostAndDate() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importFile(
        account,
        ledger.file(
            "transfer.csv",
            "date,type,symbol,quantity,price,fees,amount,currency,ratio,description,acquired\n"
                + "2024-01-05,TRANSFER_IN,ACME,5,,,400,USD,,from old broker,2020-05-01\n"
                + "2024-02-01,SELL,ACME,5,100,0,,USD,,,\n"),
        null);
    Disposal d = ledger.realized(account).getFirst();
    assertThat(d.acquired()).hasToString("2020-05-01");
    assertThat(d.costBasis()).isEqualByComparingTo("400");
    assertThat(d.gain()).isEqualByComparingTo("100");
    assertThat(d.term()).isEqualTo(Term.LONG);
  }

  @Test
  void aSaleWithoutSharesNamesItsLineAndChangesNothing() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(account, "2024-01-02,BUY,ACME,1,10,0,,USD,,\n");
    assertThatThrownBy(
            () ->
                ledger.importRows(
                    account,
                    "2024-01-03,BUY,OTHER,1,10,0,,USD,,\n2024-01-04,SELL,ACME,3,10,0,,USD,,\n"))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("insufficient shares")
        .extracting(e -> ((RpcException) e).code())
        .isEqualTo(ErrorCode.INSUFFICIENT_SHARES);
    assertThat(ledger.holdings(account)).extracting(Holding::symbol).containsExactly("ACME");
  }
}

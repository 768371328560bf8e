package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.AccountUpdateParams;
import io.portfolioos.contract.ledger.AssignLotsParams;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.Discrepancy;
import io.portfolioos.contract.ledger.Disposal;
import io.portfolioos.contract.ledger.HoldingsParams;
import io.portfolioos.contract.ledger.ImportResult;
import io.portfolioos.contract.ledger.LotAssignment;
import io.portfolioos.contract.ledger.ReconcileParams;
import io.portfolioos.contract.ledger.ReportedPosition;
import io.portfolioos.contract.ledger.Transaction;
import io.portfolioos.contract.ledger.TransactionType;
import io.portfolioos.contract.ledger.TransactionsParams;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** deleteBatch, assignLots, reconcile, a method change, and holdings as of a past date. */
class CorrectionsTest {
  private final LedgerFixture ledger = new LedgerFixture();

  @AfterEach
  void close() {
    ledger.close();
  }

  private static final String TWO_LOTS =
      "2023-01-10,BUY,ACME,10,100,0,,USD,,\n2023-06-01,BUY,ACME,10,150,0,,USD,,\n";

  @Test
  void deletingABatchUndoesItsImport() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(account, TWO_LOTS);
    ImportResult sale = ledger.importRows(account, "2024-03-01,SELL,ACME,5,200,0,,USD,,\n");
    assertThat(ledger.realized(account)).hasSize(1);
    assertThat(ledger.batches.delete(sale.batchId()).transactionsDeleted()).isEqualTo(1);
    assertThat(ledger.realized(account)).isEmpty();
    assertThat(ledger.holding(account, "ACME").quantity()).isEqualByComparingTo("20");
  }

  @Test
  void deletingTheBatchASaleDependsOnIsRefused() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ImportResult buys = ledger.importRows(account, TWO_LOTS);
    ledger.importRows(account, "2024-03-01,SELL,ACME,15,200,0,,USD,,\n");
    assertThatThrownBy(() -> ledger.batches.delete(buys.batchId()))
        .extracting(e -> ((RpcException) e).code())
        .isEqualTo(ErrorCode.INSUFFICIENT_SHARES);
    assertThat(ledger.holding(account, "ACME").quantity()).isEqualByComparingTo("5");
  }

  /**
   * A SPECIFIC account's sale without assignment falls back to FIFO and is flagged; assigning the
   * second lot (basis 150/share) makes the 5 sold @ 200 gain 250 instead of 500.
   */
  @Test
  void specificLotsAreAssignedAfterTheFact() {
    long account = ledger.account(CostBasisMethod.SPECIFIC);
    ledger.importRows(account, TWO_LOTS + "2024-03-01,SELL,ACME,5,200,0,,USD,,\n");
    Transaction sale =
        ledger
            .queries
            .transactions(
                new TransactionsParams(account, null, null, null, TransactionType.SELL, null, null))
            .getFirst();
    assertThat(sale.flag()).isEqualTo("NO_LOT_ASSIGNMENT");
    assertThat(ledger.realized(account).getFirst().gain()).isEqualByComparingTo("500");

    long secondLot = ledger.lots(account, "ACME").get(1).lotId();
    List<Disposal> d =
        ledger.assigner.assign(
            new AssignLotsParams(
                sale.id(), List.of(new LotAssignment(secondLot, new BigDecimal("5")))));
    assertThat(d).singleElement().satisfies(x -> assertThat(x.gain()).isEqualByComparingTo("250"));
    assertThat(
            ledger
                .queries
                .transactions(
                    new TransactionsParams(
                        account, null, null, null, TransactionType.SELL, null, null))
                .getFirst()
                .flag())
        .isNull();

    assertThatThrownBy(
            () ->
                ledger.assigner.assign(
                    new AssignLotsParams(
                        sale.id(), List.of(new LotAssignment(999L, new BigDecimal("5"))))))
        .extracting(e -> ((RpcException) e).code())
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(ledger.realized(account).getFirst().gain()).isEqualByComparingTo("250");
  }

  @Test
  void reconcileListsOnlyWhatDiffers() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(account, TWO_LOTS + "2023-02-01,BUY,OTHER,1,10,0,,USD,,\n");
    List<Discrepancy> d =
        ledger
            .queries
            .reconcile(
                new ReconcileParams(
                    account,
                    List.of(
                        new ReportedPosition(
                            "ACME", new BigDecimal("20"), new BigDecimal("2500.00")),
                        new ReportedPosition("OTHER", new BigDecimal("2"), null),
                        new ReportedPosition("NEW", new BigDecimal("3"), null))))
            .discrepancies();
    assertThat(d).extracting(Discrepancy::symbol).containsExactly("NEW", "OTHER");
    assertThat(d.get(1).computedQuantity()).isEqualByComparingTo("1");
  }

  @Test
  void changingTheMethodRecomputesAndHoldingsReplayToAPastDate() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(account, TWO_LOTS + "2024-03-01,SELL,ACME,5,200,0,,USD,,\n");
    ledger.accounts.update(
        new AccountUpdateParams(account, null, null, null, null, CostBasisMethod.LIFO));
    assertThat(ledger.holding(account, "ACME").realizedGain()).isEqualByComparingTo("250");
    assertThat(ledger.queries.holdings(new HoldingsParams(account, LocalDate.parse("2023-03-01"))))
        .singleElement()
        .satisfies(h -> assertThat(h.quantity()).isEqualByComparingTo("10"));
  }
}

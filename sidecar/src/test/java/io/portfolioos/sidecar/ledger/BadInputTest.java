package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.ImportCsvParams;
import io.portfolioos.contract.ledger.ImportResult;
import io.portfolioos.contract.ledger.RejectedLine;
import io.portfolioos.contract.ledger.Transaction;
import io.portfolioos.contract.ledger.TransactionsParams;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad files are refused naming line and reason, and leave the database exactly as it was. */
class BadInputTest {
  private final LedgerFixture ledger = new LedgerFixture();
  private long account;
  private List<Transaction> before;

  @BeforeEach
  void seed() {
    account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(account, "2024-01-02,BUY,ACME,10,10,0,,USD,,\n");
    before = transactions();
  }

  @AfterEach
  void unchangedAndClosed() {
    assertThat(transactions()).isEqualTo(before);
    assertThat(ledger.holding(account, "ACME").quantity()).isEqualByComparingTo("10");
    ledger.close();
  }

  private List<Transaction> transactions() {
    return ledger.queries.transactions(
        new TransactionsParams(account, null, null, null, null, null, null));
  }

  private RpcException refused(String content) {
    Path file = ledger.file("bad-" + System.nanoTime() + ".csv", content);
    return (RpcException)
        org.assertj.core.api.Assertions.catchThrowable(
            () -> ledger.importFile(account, file, null));
  }

  @Test
  void badDatesAndNumbersAreRejectedWithTheirLines() {
    String csv =
        LedgerFixture.HEADER
            + "2024-02-01,BUY,ACME,1,10,0,,USD,,\n"
            + "2024-13-01,BUY,ACME,1,10,0,,USD,,\n"
            + "2024-02-02,BUY,ACME,1.5x,10,0,,USD,,\n"
            + "2024-02-03,BUY,ACME,1,\"1,000.00\",0,,USD,,\n"
            + "2024-02-04,TRADE,ACME,1,10,0,,USD,,\n"
            + "2024-02-05,SELL,,1,10,0,,USD,,\n";
    RpcException e = refused(csv);
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMS);
    assertThat(e.getMessage())
        .contains("5 line(s) rejected")
        .contains("line 3: bad date '2024-13-01'")
        .contains("line 4: bad number in quantity: '1.5x'")
        .contains("line 5: bad number in price: '1,000.00'")
        .contains("line 6: unknown type 'TRADE'")
        .contains("line 7: SELL needs a symbol");

    ImportResult dry =
        ledger.importer.importCsv(
            new ImportCsvParams(ledger.file("dry.csv", csv).toString(), account, null, true),
            RequestContext.NONE);
    assertThat(dry.batchId()).isNull();
    assertThat(dry.rejected()).extracting(RejectedLine::line).containsExactly(3L, 4L, 5L, 6L, 7L);
  }

  /**
   * A file larger than DuckDB's 32 MB read buffer is read in pieces by parallel threads; the lines
   * of its bad rows (and so every row's line and id) must still be its own.
   */
  @Test
  void aLargeFileReadInPiecesNamesTheLinesOfItsBadRows() throws Exception {
    Path file = ledger.file("large.csv", "");
    String note = "x".repeat(400);
    List<Long> bad = List.of(1_000L, 120_000L, 239_000L);
    try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(file)) {
      w.write(LedgerFixture.HEADER);
      for (long line = 2; line <= 240_001; line++) {
        w.write(bad.contains(line) ? "2024-13-01" : "2024-02-01");
        w.write(",BUY,ACME,1,10,0,,USD,,");
        w.write(note);
        w.write('\n');
      }
    }
    assertThat(java.nio.file.Files.size(file)).isGreaterThan(64L << 20);
    ImportResult dry =
        ledger.importer.importCsv(
            new ImportCsvParams(file.toString(), account, null, true), RequestContext.NONE);
    assertThat(dry.rejected()).extracting(RejectedLine::line).containsExactlyElementsOf(bad);
  }

  @Test
  void aWrongDelimiterIsNamedOnLineOne() {
    RpcException e =
        refused(
            "date;type;symbol;quantity;price;fees;amount;currency;ratio;description\n"
                + "2024-02-01;BUY;ACME;1;10;0;;USD;;\n");
    assertThat(e.getMessage()).contains("line 1").contains("unrecognized header");
  }

  @Test
  void aRowWithTheWrongNumberOfColumnsIsNamed() {
    RpcException e = refused(LedgerFixture.HEADER + "2024-02-01,BUY,ACME,1,10\n");
    assertThat(e.getMessage()).contains("line 2").contains("columns");
  }

  @Test
  void moreDecimalsThanStoredAreRejectedNotRounded() {
    RpcException e =
        refused(LedgerFixture.HEADER + "2024-02-01,BUY,ACME,1.123456789,10,0,,USD,,\n");
    assertThat(e.getMessage()).contains("line 2: bad number in quantity");
  }

  @Test
  void aSaleWithNoSharesIsInsufficientShares() {
    RpcException e = refused(LedgerFixture.HEADER + "2024-02-01,SELL,OTHER,1,10,0,,USD,,\n");
    assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_SHARES);
    assertThat(e.getMessage()).contains("line 2").contains("OTHER");
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThatThrownBy(() -> ledger.importFile(account, ledger.file("empty.csv", ""), null))
        .hasMessageContaining("empty file");
  }
}

package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.ImportCsvParams;
import io.portfolioos.contract.ledger.ImportResult;
import io.portfolioos.contract.ledger.RejectedLine;
import io.portfolioos.sidecar.rpc.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Values padded with spaces (or no-break spaces, as spreadsheets leave them) and written in lower
 * case import as their trimmed, upper-case selves, and a bad padded value is named trimmed.
 */
class PaddedValuesTest {
  private static final String HEADER =
      "date,type,symbol,quantity,price,fees,amount,currency,ratio,description,acquired\n";
  private static final String NBSP = "\u00a0";

  private final LedgerFixture ledger = new LedgerFixture();

  @AfterEach
  void close() {
    ledger.close();
  }

  @Test
  void paddedValuesImportAsTheirTrimmedSelves() {
    long account = ledger.account(CostBasisMethod.FIFO);
    String padded =
        HEADER
            + " 2024-01-02 , buy , acme , 10 , 10.5 , 1 ,, usd ,, first ,\n"
            + NBSP
            + "2024-01-03"
            + NBSP
            + ",Sell ,ACME, 4,"
            + NBSP
            + "12 ,,, USD ,,,\n"
            + "2024-01-04, TRANSFER_IN ,acme,2,,, 30 ,,,, 2023-05-06 \n"
            + "2024-01-05, split ,ACME,,,,,, 2 : 1 ,,\n";
    String clean =
        HEADER
            + "2024-01-02,BUY,ACME,10,10.5,1,,USD,,first,\n"
            + "2024-01-03,SELL,ACME,4,12,,,USD,,,\n"
            + "2024-01-04,TRANSFER_IN,ACME,2,,,30,,,,2023-05-06\n"
            + "2024-01-05,SPLIT,ACME,,,,,,2:1,,\n";

    ImportResult first = ledger.importFile(account, ledger.file("padded.csv", padded), null);
    assertThat(first.imported()).isEqualTo(4);
    assertThat(ledger.holding(account, "ACME").quantity()).isEqualByComparingTo("16");

    // the same rows, so the same fingerprints: nothing new
    ImportResult again = ledger.importFile(account, ledger.file("clean.csv", clean), null);
    assertThat(again.imported()).isZero();
    assertThat(again.duplicates()).isEqualTo(4);
  }

  @Test
  void aBadPaddedValueIsNamedTrimmed() {
    long account = ledger.account(CostBasisMethod.FIFO);
    String csv =
        HEADER
            + " 2024-13-01 ,BUY,ACME,1,10,,,USD,,,\n"
            + "2024-01-02,BUY,ACME, 1.123456789 ,10,,,USD,,,\n"
            + "2024-01-03,BUY,ACME,1,"
            + NBSP
            + "1e3"
            + NBSP
            + ",,,USD,,,\n"
            + "2024-01-04,TRANSFER_IN,ACME,1,,,10,USD,,, 2023-02-30 \n";
    ImportResult dry =
        ledger.importer.importCsv(
            new ImportCsvParams(ledger.file("bad.csv", csv).toString(), account, null, true),
            RequestContext.NONE);
    assertThat(dry.rejected())
        .extracting(RejectedLine::reason)
        .containsExactly(
            "bad date '2024-13-01' (expected YYYY-MM-DD)",
            "bad number in quantity: '1.123456789'",
            "bad number in price: '1e3'",
            "bad date in acquired: '2023-02-30' (expected YYYY-MM-DD)");
  }
}

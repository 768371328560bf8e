package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.Holding;
import io.portfolioos.contract.ledger.ImportResult;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Re-importing a file, or an overlapping part of it, changes nothing; identical rows both stay. */
class ReimportPropertyTest {
  @Property(tries = 5)
  void reimportIsIdempotent(
      @ForAll @IntRange(min = 1, max = 40) int rows, @ForAll @IntRange(min = 0, max = 39) int cut) {
    try (LedgerFixture ledger = new LedgerFixture()) {
      long account = ledger.account(CostBasisMethod.FIFO);
      StringBuilder csv = new StringBuilder();
      for (int i = 0; i < rows; i++) {
        // every third row repeats the previous one: genuinely identical trades in one file
        int n = i % 3 == 2 ? i - 1 : i;
        csv.append("2024-01-%02d,BUY,S%d,%d,10.5,0,,USD,,\n".formatted(1 + n % 28, n % 4, 1 + n));
      }
      ImportResult first = ledger.importRows(account, csv.toString());
      assertThat(first.imported()).isEqualTo(rows);
      List<Holding> before = ledger.holdings(account);

      String[] lines = csv.toString().split("\n");
      int from = Math.min(cut, rows - 1);
      ImportResult overlap =
          ledger.importRows(account, String.join("\n", List.of(lines).subList(0, from + 1)) + "\n");
      ImportResult again = ledger.importRows(account, csv.toString());
      assertThat(overlap.imported()).isZero();
      assertThat(again.imported()).isZero();
      assertThat(again.duplicates()).isEqualTo(rows);
      assertThat(ledger.holdings(account)).isEqualTo(before);
    }
  }

  /**
   * A file that repeats no row is fingerprinted without numbering occurrences; a later export of
   * the same trades that repeats one is numbered. Both must agree on the rows they share.
   */
  @Example
  void aRepeatInALaterExportIsTheOnlyRowItAdds() {
    try (LedgerFixture ledger = new LedgerFixture()) {
      long account = ledger.account(CostBasisMethod.FIFO);
      String two = "2024-01-02,BUY,S1,5,10,0,,USD,,\n2024-01-03,BUY,S2,7,11,0,,USD,,\n";
      assertThat(ledger.importRows(account, two).imported()).isEqualTo(2);

      ImportResult repeated = ledger.importRows(account, two + "2024-01-03,BUY,S2,7,11,0,,USD,,\n");

      assertThat(repeated.imported()).isEqualTo(1);
      assertThat(repeated.duplicates()).isEqualTo(2);
      assertThat(ledger.holding(account, "S2").quantity()).isEqualByComparingTo("14");
      assertThat(ledger.holding(account, "S1").quantity()).isEqualByComparingTo("5");
    }
  }
}

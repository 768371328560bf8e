package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.contract.ledger.AccountDeleteParams;
import io.portfolioos.contract.ledger.AccountUpdateParams;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.Disposal;
import io.portfolioos.contract.ledger.RealizedParams;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A recompute stores lots and positions and leaves the disposal pieces pending; the first reader of
 * a group's disposals stores them, and only that group's.
 */
class PendingDisposalsTest {
  private final LedgerFixture ledger = new LedgerFixture();

  @AfterEach
  void close() {
    ledger.close();
  }

  private static final String TWO_SYMBOLS =
      """
      2023-01-10,BUY,ACME,10,100,0,,USD,,
      2023-02-10,BUY,ACME,10,120,0,,USD,,
      2023-03-10,BUY,BOLT,4,50,0,,USD,,
      2024-03-01,SELL,ACME,15,200,0,,USD,,
      2024-03-02,SELL,BOLT,1,80,0,,USD,,
      """;

  @Test
  void anImportLeavesEachGroupPendingUntilItsDisposalsAreRead() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(account, TWO_SYMBOLS);
    assertThat(pending()).containsExactly(account + " ACME", account + " BOLT");
    assertThat(storedPieces()).isZero();
    // the realized gain of the position needs no pieces
    assertThat(ledger.holding(account, "ACME").realizedGain()).isEqualByComparingTo("1400");

    List<Disposal> acme = ledger.queries.realized(new RealizedParams(account, null, "acme"));
    assertThat(acme)
        .extracting(d -> d.quantity().stripTrailingZeros().toPlainString())
        .containsExactly("10", "5");
    assertThat(acme).extracting(Disposal::gain).map(g -> g.intValue()).containsExactly(1000, 400);
    assertThat(pending()).containsExactly(account + " BOLT");
    assertThat(storedPieces()).isEqualTo(2);

    assertThat(ledger.realized(account)).hasSize(3);
    assertThat(pending()).isEmpty();
    assertThat(storedPieces()).isEqualTo(3);
  }

  @Test
  void aMethodChangeReplacesTheStoredPiecesWithPendingOnes() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(account, TWO_SYMBOLS);
    assertThat(ledger.realized(account)).hasSize(3);

    ledger.accounts.update(
        new AccountUpdateParams(account, null, null, null, null, CostBasisMethod.LIFO));
    assertThat(storedPieces()).isZero();
    assertThat(pending()).hasSize(2);
    // LIFO sells the 120 lot first (10 at +80), then 5 of the 100 lot at +100; listed oldest first
    assertThat(ledger.queries.realized(new RealizedParams(account, null, "ACME")))
        .extracting(Disposal::gain)
        .map(g -> g.intValue())
        .containsExactly(500, 800);
  }

  @Test
  void deletingTheAccountForgetsItsPendingGroups() {
    long account = ledger.account(CostBasisMethod.FIFO);
    ledger.importRows(account, TWO_SYMBOLS);
    ledger.accounts.delete(new AccountDeleteParams(account, true));
    assertThat(pending()).isEmpty();
  }

  private List<String> pending() {
    return ledger.db.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT account_id || ' ' || symbol FROM disposals_pending ORDER BY ALL")) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  private long storedPieces() {
    return ledger.db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT count(*) FROM disposal_pieces")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}

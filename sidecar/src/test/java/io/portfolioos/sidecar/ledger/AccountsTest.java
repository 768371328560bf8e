package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.Account;
import io.portfolioos.contract.ledger.AccountCreateParams;
import io.portfolioos.contract.ledger.AccountDeleteParams;
import io.portfolioos.contract.ledger.AccountType;
import io.portfolioos.contract.ledger.AccountUpdateParams;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.sidecar.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountsTest {
  private final Database db = Database.inMemory();
  private final Accounts accounts = new Accounts(db, new LotEngine());

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aNewAccountDefaultsToUsdAndFifo() {
    Account a =
        accounts.create(new AccountCreateParams("Brokerage", AccountType.K401, null, null, null));
    assertThat(a.id()).isPositive();
    assertThat(a.currency()).isEqualTo("USD");
    assertThat(a.costBasisMethod()).isEqualTo(CostBasisMethod.FIFO);
    assertThat(accounts.list()).containsExactly(a);
  }

  @Test
  void updateReplacesOnlyTheGivenFields() {
    Account a =
        accounts.create(new AccountCreateParams("Old", AccountType.TAXABLE, "Schwab", "eur", null));
    Account b =
        accounts.update(
            new AccountUpdateParams(a.id(), "New", null, null, null, CostBasisMethod.HIFO));
    assertThat(b)
        .isEqualTo(
            new Account(a.id(), "New", AccountType.TAXABLE, "Schwab", "EUR", CostBasisMethod.HIFO));
    assertThat(accounts.list()).containsExactly(b);
  }

  @Test
  void anUnknownAccountIsNotFound() {
    assertThatThrownBy(() -> accounts.delete(new AccountDeleteParams(99L, null)))
        .isInstanceOf(RpcException.class)
        .extracting(e -> ((RpcException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void deleteRemovesAnEmptyAccount() {
    Account a = accounts.create(new AccountCreateParams("X", AccountType.IRA, null, null, null));
    assertThat(accounts.delete(new AccountDeleteParams(a.id(), null)).transactionsDeleted())
        .isZero();
    assertThat(accounts.list()).isEmpty();
  }
}

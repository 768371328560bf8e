package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.LedgerMethods;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.rpc.Handlers;

/**
 * Accounts, imports and exact tax lots (see docs/ledger.md). The one public entry of the package:
 * binds the {@code accounts.*} and {@code ledger.*} handlers.
 */
public final class LedgerModule {
  private LedgerModule() {}

  public static void register(Handlers handlers, Database db) {
    Accounts accounts = new Accounts(db);
    handlers
        .on(LedgerMethods.ACCOUNTS_CREATE, (p, ctx) -> accounts.create(p))
        .on(LedgerMethods.ACCOUNTS_LIST, (p, ctx) -> accounts.list())
        .on(LedgerMethods.ACCOUNTS_UPDATE, (p, ctx) -> accounts.update(p))
        .on(LedgerMethods.ACCOUNTS_DELETE, (p, ctx) -> accounts.delete(p));
  }
}

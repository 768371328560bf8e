package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.LedgerMethods;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.db.SqlWork;
import io.portfolioos.sidecar.rpc.Handlers;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Accounts, imports and exact tax lots (see docs/ledger.md). The one public entry of the package:
 * binds the {@code accounts.*} and {@code ledger.*} handlers.
 */
public final class LedgerModule {
  private LedgerModule() {}

  /** The broker exports {@code ledger.importCsv} understands besides the generic format. */
  static final List<BrokerFormat> PRESETS =
      List.of(
          new SchwabFormat(),
          new FidelityFormat(),
          new VanguardFormat(),
          new IbkrFormat(),
          new TradeRepublicFormat());

  /** Stateless: the tables are its state. */
  private static final LotEngine ENGINE = new LotEngine();

  public static void register(Handlers handlers, Database db) {
    Accounts accounts = new Accounts(db, ENGINE);
    Importer importer = new Importer(db, ENGINE, PRESETS);
    Queries queries = new Queries(db, ENGINE);
    BatchDeleter batches = new BatchDeleter(db, ENGINE);
    LotAssigner assigner = new LotAssigner(db, ENGINE);
    handlers
        .on(LedgerMethods.ACCOUNTS_CREATE, (p, ctx) -> accounts.create(p))
        .on(LedgerMethods.ACCOUNTS_LIST, (p, ctx) -> accounts.list())
        .on(LedgerMethods.ACCOUNTS_UPDATE, (p, ctx) -> accounts.update(p))
        .on(LedgerMethods.ACCOUNTS_DELETE, (p, ctx) -> accounts.delete(p))
        .on(LedgerMethods.IMPORT_CSV, importer::importCsv)
        .on(LedgerMethods.DELETE_BATCH, (p, ctx) -> batches.delete(p.batchId()))
        .on(LedgerMethods.TRANSACTIONS, (p, ctx) -> queries.transactions(p))
        .on(LedgerMethods.HOLDINGS, (p, ctx) -> queries.holdings(p))
        .on(LedgerMethods.LOTS, (p, ctx) -> queries.lots(p))
        .on(LedgerMethods.REALIZED, (p, ctx) -> queries.realized(p))
        .on(LedgerMethods.ASSIGN_LOTS, (p, ctx) -> assigner.assign(p))
        .on(LedgerMethods.RECONCILE, (p, ctx) -> queries.reconcile(p));
  }

  /**
   * Runs {@code work}, a read of the {@code disposals} view within the account (null: all), once
   * the disposal pieces a recompute left pending there are stored. For readers outside the ledger,
   * such as the realized export; see {@link LotEngine}.
   */
  public static <T> T readDisposals(Database db, @Nullable Long accountId, SqlWork<T> work) {
    return ENGINE.readDisposals(db, accountId, null, work);
  }
}

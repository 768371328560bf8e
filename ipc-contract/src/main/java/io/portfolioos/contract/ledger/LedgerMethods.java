package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Empty;
import io.portfolioos.contract.Kind;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.time.Duration;
import java.util.List;

/**
 * Accounts and the ledger (see docs/ledger.md): imports, exact tax lots, realized gains and
 * reconciliation against what the broker reports.
 */
public final class LedgerMethods {
  private LedgerMethods() {}

  private static final Duration QUICK = Duration.ofSeconds(30);

  public static final Method<AccountCreateParams, Account> ACCOUNTS_CREATE =
      Method.write(
          "accounts.create", AccountCreateParams.class, Account.class, QUICK, Owner.SIDECAR);

  public static final Method<Empty, List<Account>> ACCOUNTS_LIST =
      Method.readList("accounts.list", Empty.class, Account.class, QUICK, Owner.SIDECAR);

  public static final Method<AccountUpdateParams, Account> ACCOUNTS_UPDATE =
      Method.write(
          "accounts.update",
          AccountUpdateParams.class,
          Account.class,
          Duration.ofMinutes(2),
          Owner.SIDECAR);

  public static final Method<AccountDeleteParams, AccountDeleted> ACCOUNTS_DELETE =
      Method.write(
          "accounts.delete",
          AccountDeleteParams.class,
          AccountDeleted.class,
          Duration.ofMinutes(2),
          Owner.SIDECAR);

  public static final Method<ImportCsvParams, ImportResult> IMPORT_CSV =
      Method.write(
          "ledger.importCsv",
          ImportCsvParams.class,
          ImportResult.class,
          Duration.ofMinutes(10),
          Owner.SIDECAR);

  public static final Method<BatchParams, BatchDeleted> DELETE_BATCH =
      Method.write(
          "ledger.deleteBatch",
          BatchParams.class,
          BatchDeleted.class,
          Duration.ofMinutes(2),
          Owner.SIDECAR);

  public static final Method<TransactionsParams, List<Transaction>> TRANSACTIONS =
      Method.readList(
          "ledger.transactions",
          TransactionsParams.class,
          Transaction.class,
          Duration.ofMinutes(1),
          Owner.SIDECAR);

  public static final Method<HoldingsParams, List<Holding>> HOLDINGS =
      Method.readList("ledger.holdings", HoldingsParams.class, Holding.class, QUICK, Owner.SIDECAR);

  public static final Method<LotsParams, List<Lot>> LOTS =
      Method.readList("ledger.lots", LotsParams.class, Lot.class, QUICK, Owner.SIDECAR);

  public static final Method<RealizedParams, List<Disposal>> REALIZED =
      Method.readList(
          "ledger.realized",
          RealizedParams.class,
          Disposal.class,
          Duration.ofMinutes(1),
          Owner.SIDECAR);

  /** Answers the sale's disposals as recomputed with the assignment. */
  public static final Method<AssignLotsParams, List<Disposal>> ASSIGN_LOTS =
      new Method<>(
          "ledger.assignLots",
          AssignLotsParams.class,
          Method.listOf(Disposal.class),
          Duration.ofMinutes(1),
          Kind.WRITE,
          Owner.SIDECAR);

  public static final Method<ReconcileParams, ReconcileResult> RECONCILE =
      Method.read(
          "ledger.reconcile", ReconcileParams.class, ReconcileResult.class, QUICK, Owner.SIDECAR);

  public static final List<Method<?, ?>> ALL =
      List.of(
          ACCOUNTS_CREATE,
          ACCOUNTS_LIST,
          ACCOUNTS_UPDATE,
          ACCOUNTS_DELETE,
          IMPORT_CSV,
          DELETE_BATCH,
          TRANSACTIONS,
          HOLDINGS,
          LOTS,
          REALIZED,
          ASSIGN_LOTS,
          RECONCILE);
}

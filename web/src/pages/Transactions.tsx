import { useEffect, useMemo, useState } from "preact/hooks";
import { ExportButton } from "../components/ExportButton";
import { hrefFor } from "../app/router";
import { useServices } from "../app/services";
import { EmptyState } from "../components/EmptyState";
import { FileDrop } from "../components/FileDrop";
import { FormError, SelectField, TextField, useFieldErrors } from "../components/Form";
import { Table, type Column } from "../components/Table";
import type { Account, ApiError, Broker, ImportResult, Transaction } from "../generated/api";
import { errorText } from "../ipc/result";
import { formatMoney, formatQuantity } from "./format";
import { accountName, batchesOf, BROKERS, NO_FILTER, PAGE_SIZE, TRANSACTION_TYPES, transactionParams, type TransactionFilter } from "./ledger";
import { useAccounts } from "./useAccounts";
import { useTask } from "./useTask";

export function Transactions() {
  const accounts = useAccounts();
  const [reloadKey, setReloadKey] = useState(0);
  const changed = () => setReloadKey((k) => k + 1);

  return (
    <>
      <h1>Transactions</h1>
      {accounts.state === "error" && (
        <p class="form-error" role="alert">
          {errorText(accounts.error)}
        </p>
      )}
      {accounts.state === "ok" && accounts.accounts.length === 0 ? (
        <EmptyState title="Create an account first">
          <p>Transactions are imported into an account. Create one for each brokerage or bank account, then come back here.</p>
          <a class="button primary" href={hrefFor("accounts")} data-testid="empty-state-action">
            Create an account
          </a>
        </EmptyState>
      ) : (
        accounts.state === "ok" && (
          <>
            <ImportCard accounts={accounts.accounts} onImported={changed} />
            <div class="actions" data-testid="transactions-export">
              <ExportButton kind="transactions" />
            </div>
            <TransactionList accounts={accounts.accounts} reloadKey={reloadKey} onChanged={changed} />
          </>
        )
      )}
    </>
  );
}

type ImportOutcome = { dryRun: boolean; path: string; result: ImportResult };

function ImportCard({ accounts, onImported }: { accounts: Account[]; onImported: () => void }) {
  const { client, toasts } = useServices();
  const [accountId, setAccountId] = useState(String(accounts[0]?.id ?? ""));
  const [broker, setBroker] = useState<Broker>("auto");
  const [path, setPath] = useState("");
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const form = useFieldErrors(["path", "accountId", "broker"]);
  const task = useTask<"preview" | "import" | "undo">();

  useEffect(() => {
    if (!accounts.some((a) => String(a.id) === accountId)) setAccountId(String(accounts[0]?.id ?? ""));
  }, [accounts]);

  const send = async (dryRun: boolean, file = path) => {
    const errors: Record<string, string> = {};
    if (!file.trim()) errors.path = "Drop a file above or type the path of a CSV file on this computer";
    if (!accountId) errors.accountId = "Choose the account the transactions belong to";
    if (!form.check(errors)) return;
    const r = await task.run(dryRun ? "preview" : "import", (o) =>
      client.api.ledger.importCsv({ path: file.trim(), accountId: Number(accountId), broker, dryRun }, o),
    );
    if (!r) return;
    if (!r.ok) {
      if (r.error.code === "CANCELLED") toasts.info("Import cancelled; nothing was written");
      else form.fromServer(r.error);
      return;
    }
    setOutcome({ dryRun, path: file.trim(), result: r.data });
    if (!dryRun) {
      toasts.info(`Imported ${r.data.imported} transactions`);
      onImported();
    }
  };

  const undo = async (batchId: number) => {
    const r = await task.run("undo", (o) => client.api.ledger.deleteBatch({ batchId }, o));
    if (!r) return;
    if (!r.ok) return toasts.error(r.error);
    toasts.info(`Undid import #${batchId}: ${r.data.transactionsDeleted} transactions removed`);
    setOutcome(null);
    onImported();
  };

  return (
    <section class="card" aria-labelledby="import-title" data-testid="import-card">
      <h2 id="import-title">Import a CSV</h2>
      <p class="muted">
        Use your broker's transaction export as downloaded, or the generic format (<code>date,type,symbol,quantity,price,fees,amount,currency,ratio,description</code>).
        Importing the same file twice adds nothing twice.
      </p>
      <div class="form-grid">
        <SelectField
          id="import-account"
          label="Into account"
          value={accountId}
          onValue={setAccountId}
          options={accounts.map((a) => ({ value: String(a.id), label: a.name }))}
          error={form.errors.accountId}
          testId="import-account"
        />
        <SelectField id="import-broker" label="Format" value={broker} onValue={(v) => setBroker(v as Broker)} options={BROKERS.map((b) => ({ value: b.id, label: b.label }))} error={form.errors.broker} testId="import-broker" />
      </div>
      <FileDrop
        upload={client.upload}
        pick={client.mode === "desktop" ? () => client.api.dialogs.openFile({ title: "Import a CSV export", filters: [{ name: "CSV files", extensions: ["csv", "txt"] }] }) : undefined}
        accept=".csv,.txt,text/csv"
        label="Drop a CSV export here"
        onUploaded={(uploaded) => {
          setPath(uploaded);
          // Show what would happen straight away; nothing is written until Import.
          void send(true, uploaded);
        }}
      />
      <TextField id="import-path" label="…or the file's path on this computer" value={path} onValue={setPath} error={form.errors.path} testId="import-path" />
      <FormError message={form.formError} testId="import-error" />
      <div class="actions">
        <button type="button" class="button" disabled={task.running !== null} onClick={() => void send(true)} data-testid="import-preview">
          Preview
        </button>
        <button type="button" class="button primary" disabled={task.running !== null} onClick={() => void send(false)} data-testid="import-run">
          Import
        </button>
        {task.running && (
          <>
            <span class="muted" role="status">
              {task.running === "undo" ? "Undoing…" : task.running === "preview" ? "Checking the file…" : "Importing…"}
              {task.progress && task.progress.total > 0 ? ` ${Math.round((100 * task.progress.done) / task.progress.total)}%` : ""}
            </span>
            {task.running !== "undo" && (
              <button type="button" class="button" onClick={() => task.cancel()} data-testid="import-cancel">
                Cancel
              </button>
            )}
          </>
        )}
      </div>
      {outcome && <ImportSummary outcome={outcome} busy={task.running !== null} onUndo={undo} />}
    </section>
  );
}

function ImportSummary({ outcome, busy, onUndo }: { outcome: ImportOutcome; busy: boolean; onUndo: (batchId: number) => void }) {
  const { result, dryRun } = outcome;
  return (
    <div class="import-result" data-testid="import-result" data-dry-run={String(dryRun)}>
      {result.rejected.length > 0 ? (
        <p role="status">
          Preview (nothing written): <span data-testid="import-rejected-count">{result.rejected.length}</span> line
          {result.rejected.length === 1 ? "" : "s"} would be rejected, so nothing would be imported. Format:{" "}
          {BROKERS.find((b) => b.id === result.broker)?.label ?? result.broker}.
        </p>
      ) : (
        <p role="status">
          {dryRun ? "Preview (nothing written): " : "Imported: "}
          <strong data-testid="import-imported">{result.imported}</strong> {dryRun ? "would be imported" : "new transactions"},{" "}
          <span data-testid="import-duplicates">{result.duplicates}</span> already present. Format:{" "}
          {BROKERS.find((b) => b.id === result.broker)?.label ?? result.broker}.
        </p>
      )}
      {result.rejected.length > 0 && (
        <>
          <p class="warning">A file is imported all or nothing: fix these lines (or pick the right format) and try again.</p>
          <table class="simple-table" data-testid="import-rejected">
            <thead>
              <tr>
                <th class="num">Line</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {result.rejected.map((r) => (
                <tr key={r.line}>
                  <td class="num">{r.line}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {!dryRun && result.batchId !== null && result.batchId !== undefined && result.imported > 0 && (
        <button type="button" class="button" disabled={busy} onClick={() => onUndo(result.batchId!)} data-testid="import-undo">
          Undo this import
        </button>
      )}
    </div>
  );
}

function TransactionList({ accounts, reloadKey, onChanged }: { accounts: Account[]; reloadKey: number; onChanged: () => void }) {
  const { client, toasts } = useServices();
  const [filter, setFilter] = useState<TransactionFilter>(NO_FILTER);
  const [applied, setApplied] = useState<TransactionFilter>(NO_FILTER);
  const [rows, setRows] = useState<Transaction[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirmBatch, setConfirmBatch] = useState<number | null>(null);
  const form = useFieldErrors(["from", "to", "symbol", "type", "accountId"]);

  const load = async (f: TransactionFilter, offset: number) => {
    const params = transactionParams(f, offset);
    if (!form.check(params.ok ? {} : params.errors) || !params.ok) return;
    const r = await client.api.ledger.transactions(params.value);
    if (!r.ok) {
      form.fromServer(r.error);
      setError(r.error);
      return;
    }
    setError(null);
    setRows((current) => (offset === 0 ? r.data : [...current, ...r.data]));
    setMore(r.data.length === PAGE_SIZE);
  };

  useEffect(() => {
    void load(applied, 0);
  }, [applied, reloadKey]);

  const batches = useMemo(() => batchesOf(rows), [rows]);
  const columns = useMemo(() => transactionColumns(accounts), [accounts]);
  const set = (key: keyof TransactionFilter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));

  const undo = async (batchId: number) => {
    setConfirmBatch(null);
    const r = await client.api.ledger.deleteBatch({ batchId });
    if (!r.ok) return toasts.error(r.error);
    toasts.info(`Undid import #${batchId}: ${r.data.transactionsDeleted} transactions removed`);
    onChanged();
  };

  return (
    <section class="card" aria-labelledby="tx-title">
      <h2 id="tx-title">All transactions</h2>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ ...filter });
        }}
        data-testid="tx-filters"
      >
        <SelectField id="tx-account" label="Account" value={filter.accountId} onValue={set("accountId")} options={[{ value: "", label: "All accounts" }, ...accounts.map((a) => ({ value: String(a.id), label: a.name }))]} testId="tx-account" />
        <TextField id="tx-symbol" label="Symbol" value={filter.symbol} onValue={set("symbol")} error={form.errors.symbol} testId="tx-symbol" />
        <SelectField id="tx-type" label="Type" value={filter.type} onValue={set("type")} options={[{ value: "", label: "All types" }, ...TRANSACTION_TYPES.map((t) => ({ value: t, label: t }))]} testId="tx-type" />
        <TextField id="tx-from" label="From" value={filter.from} onValue={set("from")} error={form.errors.from} testId="tx-from" />
        <TextField id="tx-to" label="To" value={filter.to} onValue={set("to")} error={form.errors.to} testId="tx-to" />
        <button type="submit" class="button" data-testid="tx-apply">
          Filter
        </button>
      </form>
      <FormError message={error && !form.formError ? errorText(error) : form.formError} testId="tx-error" />
      <Table
        rows={rows}
        columns={columns}
        label="Transactions"
        rowKey={(t) => t.id}
        testId="transactions"
        initialSort={{ column: "date", direction: "desc" }}
        empty="No transactions match. Import a CSV above, or clear the filters."
      />
      <p class="muted" data-testid="tx-count">
        {rows.length.toLocaleString("en-US")} transactions shown{more ? " (more available)" : ""}.
      </p>
      {more && (
        <button type="button" class="button" onClick={() => void load(applied, rows.length)} data-testid="tx-more">
          Load {PAGE_SIZE.toLocaleString("en-US")} more
        </button>
      )}
      {batches.length > 0 && (
        <div data-testid="tx-batches">
          <h3>Imports</h3>
          <ul class="plain-list">
            {batches.map((b) => (
              <li key={b.batchId} data-testid={`batch-${b.batchId}`}>
                Import #{b.batchId} into {accountName(accounts, b.accountId)}: {b.rows} transactions shown, {b.first} to {b.last}{" "}
                {confirmBatch === b.batchId ? (
                  <>
                    <button type="button" class="button danger" onClick={() => void undo(b.batchId)} data-testid={`batch-undo-confirm-${b.batchId}`}>
                      Remove all of its transactions
                    </button>{" "}
                    <button type="button" class="button" onClick={() => setConfirmBatch(null)}>
                      Keep
                    </button>
                  </>
                ) : (
                  <button type="button" class="button" onClick={() => setConfirmBatch(b.batchId)} data-testid={`batch-undo-${b.batchId}`}>
                    Undo import
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function transactionColumns(accounts: Account[]): Column<Transaction>[] {
  return [
    { id: "date", header: "Date", value: (t) => t.date, width: "7.5rem" },
    { id: "account", header: "Account", value: (t) => accountName(accounts, t.accountId) },
    { id: "type", header: "Type", value: (t) => t.type, width: "8rem" },
    { id: "symbol", header: "Symbol", value: (t) => t.symbol ?? "", width: "6rem" },
    { id: "quantity", header: "Quantity", value: (t) => Number(t.quantity), render: (t) => formatQuantity(t.quantity), align: "right" },
    { id: "price", header: "Price", value: (t) => Number(t.price), render: (t) => formatMoney(t.price), align: "right" },
    { id: "fees", header: "Fees", value: (t) => Number(t.fees), render: (t) => formatMoney(t.fees), align: "right", width: "5rem" },
    { id: "amount", header: "Amount", value: (t) => Number(t.amount), render: (t) => formatMoney(t.amount), align: "right" },
    { id: "currency", header: "Cur.", value: (t) => t.currency, width: "4rem" },
    { id: "batch", header: "Import", value: (t) => t.batchId ?? null, width: "5rem", align: "right" },
    { id: "flag", header: "Note", value: (t) => t.flag ?? t.description ?? "" },
  ];
}

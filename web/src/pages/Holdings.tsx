import { useEffect, useMemo, useState } from "preact/hooks";
import { ExportButton } from "../components/ExportButton";
import { hrefFor } from "../app/router";
import { useServices } from "../app/services";
import { EmptyState } from "../components/EmptyState";
import { FormError, SelectField, TextField, useFieldErrors } from "../components/Form";
import { Table, type Column } from "../components/Table";
import type { Account, ApiError, Discrepancy, Disposal, Holding, Lot, Transaction } from "../generated/api";
import { errorText } from "../ipc/result";
import { formatMoney, formatQuantity } from "./format";
import { accountName, checkAssignment, dayBefore, holdingsTotals, isIsoDate, parseReported, realizedByTerm } from "./ledger";
import { useAccounts } from "./useAccounts";

type Loaded<T> = { state: "loading" } | { state: "ok"; data: T } | { state: "error"; error: ApiError };

export function Holdings() {
  const accounts = useAccounts();
  if (accounts.state === "loading") return <h1>Holdings</h1>;
  if (accounts.state === "error")
    return (
      <>
        <h1>Holdings</h1>
        <p class="form-error" role="alert">
          {errorText(accounts.error)}
        </p>
      </>
    );
  if (accounts.accounts.length === 0)
    return (
      <>
        <h1>Holdings</h1>
        <EmptyState title="No holdings yet">
          <p>Holdings, open tax lots and realized gains are computed from your transactions. Create an account, then import your broker's CSV.</p>
          <a class="button primary" href={hrefFor("accounts")} data-testid="empty-state-action">
            Create an account
          </a>
        </EmptyState>
      </>
    );
  return <HoldingsView accounts={accounts.accounts} />;
}

function HoldingsView({ accounts }: { accounts: Account[] }) {
  const { client } = useServices();
  const [accountId, setAccountId] = useState("");
  const [asOf, setAsOf] = useState("");
  const [applied, setApplied] = useState<{ accountId: string; asOf: string }>({ accountId: "", asOf: "" });
  const [holdings, setHoldings] = useState<Loaded<Holding[]>>({ state: "loading" });
  const [selected, setSelected] = useState<{ accountId: number; symbol: string } | null>(null);
  const [version, setVersion] = useState(0);
  const form = useFieldErrors(["asOf", "accountId"]);

  useEffect(() => {
    setHoldings({ state: "loading" });
    const params: { accountId?: number; asOf?: string } = {};
    if (applied.accountId) params.accountId = Number(applied.accountId);
    if (applied.asOf) params.asOf = applied.asOf;
    void client.api.ledger.holdings(params).then((r) => {
      setHoldings(r.ok ? { state: "ok", data: r.data } : { state: "error", error: r.error });
      if (!r.ok) form.fromServer(r.error);
    });
  }, [client, applied, version]);

  const columns = useMemo<Column<Holding>[]>(
    () => [
      { id: "account", header: "Account", value: (h) => accountName(accounts, h.accountId) },
      { id: "symbol", header: "Symbol", value: (h) => h.symbol, width: "7rem" },
      { id: "quantity", header: "Shares", value: (h) => Number(h.quantity), render: (h) => formatQuantity(h.quantity), align: "right" },
      { id: "costBasis", header: "Cost basis", value: (h) => Number(h.costBasis), render: (h) => formatMoney(h.costBasis), align: "right" },
      { id: "averageCost", header: "Average cost", value: (h) => Number(h.averageCost), render: (h) => formatMoney(h.averageCost), align: "right" },
      { id: "realizedGain", header: "Realized", value: (h) => Number(h.realizedGain), render: (h) => <Signed value={h.realizedGain} />, align: "right" },
      {
        id: "openLots",
        header: "Open lots",
        value: (h) => h.openLots,
        align: "right",
        render: (h) => (
          <button
            type="button"
            class="link-button"
            data-testid={`holding-lots-${h.accountId}-${h.symbol}`}
            aria-label={`Show the ${h.openLots} open lots of ${h.symbol}`}
            onClick={() => setSelected({ accountId: h.accountId, symbol: h.symbol })}
          >
            {h.openLots}
          </button>
        ),
      },
    ],
    [accounts],
  );

  const rows = holdings.state === "ok" ? holdings.data : [];
  const totals = useMemo(() => holdingsTotals(rows), [rows]);
  const accountOptions = [{ value: "", label: "All accounts" }, ...accounts.map((a) => ({ value: String(a.id), label: a.name }))];

  return (
    <>
      <h1>Holdings</h1>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (asOf.trim() && !isIsoDate(asOf.trim())) return void form.check({ asOf: "Use a date like 2024-12-31, or leave it empty for today" });
          form.clear();
          setSelected(null);
          setApplied({ accountId, asOf: asOf.trim() });
        }}
      >
        <SelectField id="holdings-account" label="Account" value={accountId} onValue={setAccountId} options={accountOptions} testId="holdings-account" />
        <TextField id="holdings-asof" label="As of (optional)" value={asOf} onValue={setAsOf} error={form.errors.asOf} testId="holdings-asof" />
        <button type="submit" class="button" data-testid="holdings-apply">
          Show
        </button>
      </form>
      <FormError message={form.formError} testId="holdings-error" />
      <div class="actions" data-testid="holdings-export">
        <ExportButton kind="holdings" filters={applied.accountId ? { accountId: Number(applied.accountId) } : undefined} />
        <ExportButton kind="lots" filters={applied.accountId ? { accountId: Number(applied.accountId) } : undefined} />
        <ExportButton kind="realized" filters={applied.accountId ? { accountId: Number(applied.accountId) } : undefined} />
      </div>
      <div class="stats">
        <div class="stat">
          <span class="stat-label">Positions</span>
          <span class="stat-value" data-testid="holdings-count">
            {rows.length}
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Total cost basis</span>
          <span class="stat-value" data-testid="holdings-cost">
            {formatMoney(totals.costBasis)}
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Realized gains</span>
          <span class="stat-value" data-testid="holdings-realized">
            <Signed value={totals.realizedGain} />
          </span>
        </div>
      </div>
      <Table
        rows={rows}
        columns={columns}
        label="Holdings"
        rowKey={(h) => `${h.accountId}-${h.symbol}`}
        testId="holdings"
        height={Math.min(480, Math.max(64, rows.length * 32 + 4))}
        initialSort={{ column: "symbol", direction: "asc" }}
        empty={
          holdings.state === "loading" ? (
            "Loading…"
          ) : (
            <>
              No open positions{applied.asOf ? ` on ${applied.asOf}` : ""}. <a href={hrefFor("transactions")}>Import transactions</a> to see them here.
            </>
          )
        }
      />
      {selected && <LotsPanel key={`${selected.accountId}-${selected.symbol}-${applied.asOf}`} {...selected} asOf={applied.asOf} accounts={accounts} onClose={() => setSelected(null)} />}
      <Realized accounts={accounts} accountId={applied.accountId} version={version} />
      <SpecificLots accounts={accounts} onAssigned={() => setVersion((v) => v + 1)} />
      <Reconcile accounts={accounts} />
    </>
  );
}

function Signed({ value }: { value: string }) {
  const negative = value.trim().startsWith("-");
  const zero = /^-?0*(\.0*)?$/.test(value.trim());
  return <span class={zero ? undefined : negative ? "neg" : "pos"}>{formatMoney(value)}</span>;
}

function LotsPanel({ accountId, symbol, asOf, accounts, onClose }: { accountId: number; symbol: string; asOf: string; accounts: Account[]; onClose: () => void }) {
  const { client } = useServices();
  const [lots, setLots] = useState<Loaded<Lot[]>>({ state: "loading" });
  useEffect(() => {
    void client.api.ledger.lots(asOf ? { accountId, symbol, asOf } : { accountId, symbol }).then((r) => setLots(r.ok ? { state: "ok", data: r.data } : { state: "error", error: r.error }));
  }, [client, accountId, symbol, asOf]);
  return (
    <section class="card" aria-labelledby="lots-title" data-testid="lots-panel">
      <h2 id="lots-title">
        Open lots of {symbol} in {accountName(accounts, accountId)}
      </h2>
      {lots.state === "error" && <p class="form-error">{errorText(lots.error)}</p>}
      {lots.state === "ok" && <LotsTable lots={lots.data} />}
      <button type="button" class="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

function LotsTable({ lots, amounts, onAmount, errors }: { lots: Lot[]; amounts?: Record<number, string>; onAmount?: (lotId: number, v: string) => void; errors?: Readonly<Record<string, string>> }) {
  return (
    <table class="simple-table" data-testid="lots-table">
      <thead>
        <tr>
          <th>Acquired</th>
          <th class="num">Bought</th>
          <th class="num">Remaining</th>
          <th class="num">Cost per share</th>
          <th class="num">Cost basis</th>
          {onAmount && <th>Sell from this lot</th>}
        </tr>
      </thead>
      <tbody>
        {lots.map((l) => (
          <tr key={l.lotId} data-testid={`lot-${l.lotId}`}>
            <td>{l.acquired}</td>
            <td class="num">{formatQuantity(l.quantity)}</td>
            <td class="num">{formatQuantity(l.remaining)}</td>
            <td class="num">{formatMoney(l.costPerShare)}</td>
            <td class="num">{formatMoney(l.costBasis)}</td>
            {onAmount && (
              <td>
                <TextField id={`assign-lot-${l.lotId}`} label={`Shares from the lot of ${l.acquired}`} hideLabel value={amounts?.[l.lotId] ?? ""} onValue={(v) => onAmount(l.lotId, v)} error={errors?.[`lot-${l.lotId}`]} testId={`assign-lot-${l.lotId}`} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Realized({ accounts, accountId, version }: { accounts: Account[]; accountId: string; version: number }) {
  const { client } = useServices();
  const [year, setYear] = useState("");
  const [applied, setApplied] = useState("");
  const [rows, setRows] = useState<Loaded<Disposal[]>>({ state: "loading" });
  const form = useFieldErrors(["year"]);
  useEffect(() => {
    const params: { accountId?: number; year?: number } = {};
    if (accountId) params.accountId = Number(accountId);
    if (applied) params.year = Number(applied);
    void client.api.ledger.realized(params).then((r) => setRows(r.ok ? { state: "ok", data: r.data } : { state: "error", error: r.error }));
  }, [client, accountId, applied, version]);
  const data = rows.state === "ok" ? rows.data : [];
  const totals = useMemo(() => realizedByTerm(data), [data]);
  const columns = useMemo<Column<Disposal>[]>(
    () => [
      { id: "sold", header: "Sold", value: (d) => d.sold, width: "7.5rem" },
      { id: "account", header: "Account", value: (d) => accountName(accounts, d.accountId) },
      { id: "symbol", header: "Symbol", value: (d) => d.symbol, width: "6rem" },
      { id: "acquired", header: "Acquired", value: (d) => d.acquired, width: "7.5rem" },
      { id: "quantity", header: "Shares", value: (d) => Number(d.quantity), render: (d) => formatQuantity(d.quantity), align: "right" },
      { id: "proceeds", header: "Proceeds", value: (d) => Number(d.proceeds), render: (d) => formatMoney(d.proceeds), align: "right" },
      { id: "costBasis", header: "Cost basis", value: (d) => Number(d.costBasis), render: (d) => formatMoney(d.costBasis), align: "right" },
      { id: "gain", header: "Gain", value: (d) => Number(d.gain), render: (d) => <Signed value={d.gain} />, align: "right" },
      { id: "term", header: "Term", value: (d) => d.term, width: "5rem" },
    ],
    [accounts],
  );
  return (
    <section class="card" aria-labelledby="realized-title" data-testid="realized">
      <h2 id="realized-title">Realized gains</h2>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          const y = year.trim();
          if (y && !/^\d{4}$/.test(y)) return void form.check({ year: "A year like 2024, or empty for all years" });
          form.clear();
          setApplied(y);
        }}
      >
        <TextField id="realized-year" label="Tax year (optional)" value={year} onValue={setYear} error={form.errors.year} testId="realized-year" />
        <button type="submit" class="button">
          Show
        </button>
      </form>
      {rows.state === "error" && <p class="form-error">{errorText(rows.error)}</p>}
      <div class="stats">
        <div class="stat">
          <span class="stat-label">Short term (a year or less)</span>
          <span class="stat-value" data-testid="realized-short">
            <Signed value={totals.SHORT} />
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Long term (over a year)</span>
          <span class="stat-value" data-testid="realized-long">
            <Signed value={totals.LONG} />
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Proceeds</span>
          <span class="stat-value">{formatMoney(totals.proceeds)}</span>
        </div>
      </div>
      <Table rows={data} columns={columns} label="Realized gains" testId="realized-table" height={Math.min(360, Math.max(64, data.length * 32 + 4))} initialSort={{ column: "sold", direction: "desc" }} empty="No sales yet." />
    </section>
  );
}

/** Sales in SPECIFIC accounts, with the lots they could have sold, to choose from. */
function SpecificLots({ accounts, onAssigned }: { accounts: Account[]; onAssigned: () => void }) {
  const { client, toasts } = useServices();
  const specific = accounts.filter((a) => a.costBasisMethod === "SPECIFIC");
  const [sales, setSales] = useState<Transaction[]>([]);
  const [sale, setSale] = useState<Transaction | null>(null);
  const [lots, setLots] = useState<Lot[]>([]);
  const [amounts, setAmounts] = useState<Record<number, string>>({});
  const [result, setResult] = useState<Disposal[] | null>(null);
  const form = useFieldErrors(["lots"]);

  const loadSales = async () => {
    const all: Transaction[] = [];
    for (const a of specific) {
      const r = await client.api.ledger.transactions({ accountId: a.id, type: "SELL", limit: 1000 });
      if (r.ok) all.push(...r.data);
      else toasts.error(r.error);
    }
    setSales(all.sort((x, y) => (x.date < y.date ? 1 : -1)));
  };

  useEffect(() => {
    if (specific.length > 0) void loadSales();
  }, [accounts]);

  if (specific.length === 0) return null;

  const choose = async (t: Transaction) => {
    setSale(t);
    setResult(null);
    setAmounts({});
    form.clear();
    // The lots open before the sale day are the ones it could sell.
    const r = await client.api.ledger.lots({ accountId: t.accountId, symbol: t.symbol ?? "", asOf: dayBefore(t.date) });
    if (r.ok) setLots(r.data);
    else form.fromServer(r.error);
  };

  const assign = async (e: Event) => {
    e.preventDefault();
    if (!sale) return;
    const checked = checkAssignment(sale.quantity, lots, amounts);
    if (!form.check(checked.ok ? {} : checked.errors) || !checked.ok) return;
    const r = await client.api.ledger.assignLots({ transactionId: sale.id, lots: checked.value });
    if (!r.ok) return form.fromServer(r.error);
    setResult(r.data);
    toasts.info(`Lots assigned to the sale of ${sale.symbol} on ${sale.date}`);
    onAssigned();
    void loadSales();
  };

  return (
    <section class="card" aria-labelledby="specific-title" data-testid="specific-lots">
      <h2 id="specific-title">Choose lots for a sale</h2>
      <p class="muted">In accounts using specific lots, pick which shares each sale sold. A sale without a choice falls back to FIFO and is flagged.</p>
      {sales.length === 0 ? (
        <p class="muted">No sales in {specific.map((a) => a.name).join(", ")} yet.</p>
      ) : (
        <ul class="plain-list">
          {sales.map((t) => (
            <li key={t.id}>
              <button type="button" class="link-button" onClick={() => void choose(t)} data-testid={`sale-${t.id}`} aria-pressed={sale?.id === t.id}>
                {t.date}: sold {formatQuantity(t.quantity.replace(/^-/, ""))} {t.symbol} in {accountName(accounts, t.accountId)}
              </button>{" "}
              {t.flag && <span class="badge">{t.flag === "NO_LOT_ASSIGNMENT" ? "FIFO fallback — choose lots" : t.flag}</span>}
            </li>
          ))}
        </ul>
      )}
      {sale && (
        <form onSubmit={assign} noValidate data-testid="assign-form">
          <h3>
            Sale of {formatQuantity(sale.quantity.replace(/^-/, ""))} {sale.symbol} on {sale.date}
          </h3>
          <LotsTable lots={lots} amounts={amounts} onAmount={(id, v) => setAmounts((a) => ({ ...a, [id]: v }))} errors={form.errors} />
          {form.errors.lots && (
            <p class="field-error" data-testid="assign-error">
              {form.errors.lots}
            </p>
          )}
          <FormError message={form.formError} />
          <button type="submit" class="button primary" data-testid="assign-save">
            Assign lots
          </button>
        </form>
      )}
      {result && (
        <p role="status" data-testid="assign-result">
          Gain on this sale: <Signed value={realizedByTerm(result).total} /> ({result.length} lots).
        </p>
      )}
    </section>
  );
}

function Reconcile({ accounts }: { accounts: Account[] }) {
  const { client } = useServices();
  const [accountId, setAccountId] = useState(String(accounts[0]?.id ?? ""));
  const [text, setText] = useState("");
  const [result, setResult] = useState<Discrepancy[] | null>(null);
  const form = useFieldErrors(["reported", "accountId"]);

  const compare = async (e: Event) => {
    e.preventDefault();
    const parsed = parseReported(text);
    if (!parsed.ok) {
      form.check({ reported: Object.values(parsed.errors).join("; ") });
      return;
    }
    form.clear();
    const r = await client.api.ledger.reconcile({ accountId: Number(accountId), reported: parsed.value });
    if (!r.ok) return form.fromServer(r.error);
    setResult(r.data.discrepancies);
  };

  return (
    <form class="card" onSubmit={compare} noValidate aria-labelledby="reconcile-title" data-testid="reconcile">
      <h2 id="reconcile-title">Reconcile with your broker</h2>
      <p class="muted">Paste what the broker's statement says you hold, one position a line: symbol, shares, and optionally the cost basis.</p>
      <SelectField id="reconcile-account" label="Account" value={accountId} onValue={setAccountId} options={accounts.map((a) => ({ value: String(a.id), label: a.name }))} testId="reconcile-account" />
      <div class={form.errors.reported ? "field invalid" : "field"}>
        <label for="reconcile-reported">Reported positions</label>
        <textarea
          id="reconcile-reported"
          rows={5}
          value={text}
          placeholder={"VTI, 120, 24000.00\nAAPL, 10"}
          aria-invalid={form.errors.reported ? "true" : undefined}
          aria-describedby={form.errors.reported ? "reconcile-reported-error" : undefined}
          data-testid="reconcile-reported"
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {form.errors.reported && (
          <p id="reconcile-reported-error" class="field-error" data-testid="reconcile-reported-error">
            {form.errors.reported}
          </p>
        )}
      </div>
      <FormError message={form.formError} />
      <button type="submit" class="button" data-testid="reconcile-run">
        Compare
      </button>
      {result &&
        (result.length === 0 ? (
          <p class="badge ok" role="status" data-testid="reconcile-ok">
            Everything matches.
          </p>
        ) : (
          <table class="simple-table" data-testid="reconcile-discrepancies">
            <thead>
              <tr>
                <th>Symbol</th>
                <th class="num">Shares here</th>
                <th class="num">Broker says</th>
                <th class="num">Cost basis here</th>
                <th class="num">Broker says</th>
              </tr>
            </thead>
            <tbody>
              {result.map((d) => (
                <tr key={d.symbol}>
                  <td>{d.symbol}</td>
                  <td class="num">{formatQuantity(d.computedQuantity)}</td>
                  <td class="num">{formatQuantity(d.reportedQuantity)}</td>
                  <td class="num">{formatMoney(d.computedCostBasis)}</td>
                  <td class="num">{d.reportedCostBasis ? formatMoney(d.reportedCostBasis) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </form>
  );
}

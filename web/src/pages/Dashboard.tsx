import type uPlot from "uplot";
import { useEffect, useMemo, useState } from "preact/hooks";
import { hrefFor } from "../app/router";
import { ExportButton } from "../components/ExportButton";
import { useServices } from "../app/services";
import { Chart } from "../components/Chart";
import { EmptyState } from "../components/EmptyState";
import { SelectField } from "../components/Form";
import type { AllocationBy, AllocationSlice, ApiError, NetWorth, Performance, ValuePoint } from "../generated/api";
import { errorText } from "../ipc/result";
import { useStore } from "../state/store";
import { themedAxes, useChartColors } from "./chartTheme";
import { allocationBars, historySeries, PERIODS, performanceRows, periodStart, todaysChange, type Period } from "./dashboard";
import { formatCompact, formatMoney, formatPercent } from "./format";
import { useAccounts } from "./useAccounts";

type Ping = { state: "pending" } | { state: "ok"; ms: number; version: string } | { state: "error"; code: string; text: string };

export function Dashboard() {
  const { client, sidecar } = useServices();
  const status = useStore(sidecar.status);
  const [ping, setPing] = useState<Ping>({ state: "pending" });

  const measure = async () => {
    setPing({ state: "pending" });
    const started = performance.now();
    const result = await client.api.system.ping({});
    const ms = performance.now() - started;
    setPing(result.ok ? { state: "ok", ms, version: result.data.version } : { state: "error", code: result.error.code, text: errorText(result.error) });
  };

  useEffect(() => {
    void measure();
  }, []);

  const accounts = useAccounts();
  const shellVersion = status.info?.shell?.version;
  const engineVersion = status.info?.sidecar?.version ?? (ping.state === "ok" ? ping.version : undefined);

  return (
    <>
      <h1>Dashboard</h1>
      {accounts.state === "ok" && accounts.accounts.length > 0 ? (
        <>
          <Portfolio />
          <div class="actions" data-testid="dashboard-export">
            <ExportButton kind="netWorthHistory" baseName="net-worth-history" />
          </div>
        </>
      ) : (
        accounts.state !== "loading" && <Welcome />
      )}
      <div class="cards">
        <section class="card" aria-labelledby="engine-card">
          <h2 id="engine-card">Engine</h2>
          <dl class="facts">
            <dt>Response time</dt>
            <dd data-testid="dashboard-ping" data-state={ping.state} title={ping.state === "error" ? ping.text : undefined}>
              {ping.state === "pending" ? "Measuring…" : ping.state === "ok" ? `${ping.ms.toFixed(1)} ms` : `No answer (${ping.code})`}
            </dd>
            <dt>Version</dt>
            <dd data-testid="dashboard-version">
              {shellVersion ?? engineVersion ?? "—"}
              {shellVersion && engineVersion && engineVersion !== shellVersion ? ` (engine ${engineVersion})` : ""}
            </dd>
            <dt>Engine state</dt>
            <dd data-testid="dashboard-sidecar-state">{status.state === "UNKNOWN" ? "—" : status.state}</dd>
          </dl>
          <button type="button" class="button" data-testid="dashboard-ping-refresh" onClick={() => void measure()}>
            Measure again
          </button>
        </section>
      </div>
    </>
  );
}

function Welcome() {
  return (
        <EmptyState title="Welcome to PortfolioOS">
          <p>Your portfolio is empty. Start in two steps:</p>
          <ol>
            <li>Create an account for each brokerage or bank account you hold.</li>
            <li>Import your broker's CSV export of transactions.</li>
          </ol>
          <p>
            <a class="button primary" href={hrefFor("accounts")} data-testid="empty-state-action">
              Create an account
            </a>{" "}
            <a class="button" href={hrefFor("transactions")}>
              Import a CSV
            </a>
          </p>
          <p class="muted">Everything stays on this computer unless you choose to send it to a cloud model.</p>
        </EmptyState>
  );
}

type Loaded<T> = { state: "loading" } | { state: "ok"; data: T } | { state: "error"; error: ApiError };
const loaded = <T,>(r: { ok: true; data: T } | { ok: false; error: ApiError }): Loaded<T> => (r.ok ? { state: "ok", data: r.data } : { state: "error", error: r.error });

const ALLOCATION_BY: readonly { value: AllocationBy; label: string }[] = [
  { value: "assetClass", label: "Asset class" },
  { value: "symbol", label: "Holding" },
  { value: "account", label: "Account" },
  { value: "accountType", label: "Account type" },
];

function Portfolio() {
  const { client } = useServices();
  const colors = useChartColors();
  const [period, setPeriod] = useState<Period>("1Y");
  const [by, setBy] = useState<AllocationBy>("assetClass");
  const [worth, setWorth] = useState<Loaded<NetWorth>>({ state: "loading" });
  const [history, setHistory] = useState<Loaded<ValuePoint[]>>({ state: "loading" });
  const [performance, setPerformance] = useState<Loaded<Performance>>({ state: "loading" });
  const [allocation, setAllocation] = useState<Loaded<AllocationSlice[]>>({ state: "loading" });

  useEffect(() => {
    void client.api.portfolio.netWorth({}).then((r) => setWorth(loaded(r)));
  }, [client]);

  useEffect(() => {
    const today = new Date().toISOString().slice(0, 10);
    const from = periodStart(period, today);
    const params = from ? { from } : {};
    void client.api.portfolio.history(params).then((r) => setHistory(loaded(r)));
    void client.api.portfolio.performance(params).then((r) => setPerformance(loaded(r)));
  }, [client, period]);

  useEffect(() => {
    void client.api.portfolio.allocation({ by }).then((r) => setAllocation(loaded(r)));
  }, [client, by]);

  const points = history.state === "ok" ? history.data : [];
  const today = useMemo(() => todaysChange(points), [points]);
  const series = useMemo(() => historySeries(points), [points]);
  const data = useMemo<uPlot.AlignedData>(() => [series.x, series.value], [series]);
  const options = useMemo<Omit<uPlot.Options, "width" | "height">>(
    () => ({
      series: [{}, { label: "Net worth", stroke: colors.accent, width: 2, points: { show: false } }],
      axes: themedAxes(colors, formatCompact),
      legend: { show: false },
    }),
    [colors],
  );
  const w = worth.state === "ok" ? worth.data : null;
  const empty = w !== null && points.length === 0 && Number(w.total) === 0;

  return (
    <>
      {worth.state === "error" && (
        <p class="form-error" role="alert" data-testid="dashboard-error">
          {errorText(worth.error)}
        </p>
      )}
      {empty ? (
        <EmptyState title="Nothing to value yet">
          <p>Your accounts have no transactions yet. Import your broker's CSV export, then sync prices on the Market page.</p>
          <a class="button primary" href={hrefFor("transactions")} data-testid="empty-state-action">
            Import a CSV
          </a>
        </EmptyState>
      ) : (
        <>
          <section class="card" aria-labelledby="worth-title" data-testid="dashboard-portfolio">
            <h2 id="worth-title">Net worth{w ? ` (${w.currency})` : ""}</h2>
            <div class="stats">
              <div class="stat">
                <span class="stat-label">Net worth{w ? ` on ${w.asOf}` : ""}</span>
                <span class="stat-value" data-testid="dashboard-networth">
                  {w ? formatMoney(w.total) : "…"}
                </span>
                {w && (
                  <span class="stat-label" data-testid="dashboard-currency" title="The base currency, set under Settings">
                    in {w.currency}
                  </span>
                )}
              </div>
              <div class="stat">
                <span class="stat-label">Today's change{today ? ` (${today.date})` : ""}</span>
                <span class={today ? `stat-value ${Number(today.change) < 0 ? "bad" : Number(today.change) > 0 ? "ok" : ""}` : "stat-value"} data-testid="dashboard-today">
                  {today ? `${Number(today.change) > 0 ? "+" : ""}${formatMoney(today.change)}${today.rate === null ? "" : ` (${formatPercent(today.rate, 2)})`}` : "—"}
                </span>
              </div>
              <div class="stat">
                <span class="stat-label">Unrealized gain</span>
                <span class="stat-value">{w?.unrealizedGain ? formatMoney(w.unrealizedGain) : "—"}</span>
              </div>
              <div class="stat">
                <span class="stat-label">Cash</span>
                <span class="stat-value">{w ? formatMoney(w.cash) : "…"}</span>
              </div>
            </div>
            {w && w.unpriced.length > 0 && (
              <p class="warning" data-testid="dashboard-unpriced">
                No price yet for {w.unpriced.join(", ")}, so they count as zero. <a href={hrefFor("market")}>Sync prices on the Market page</a>.
              </p>
            )}
            <div class="toolbar" role="group" aria-label="Period">
              {PERIODS.map((p) => (
                <button type="button" key={p} class={p === period ? "button primary" : "button"} aria-pressed={p === period} onClick={() => setPeriod(p)} data-testid={`dashboard-period-${p}`}>
                  {p === "ALL" ? "All" : p}
                </button>
              ))}
            </div>
            {history.state === "error" ? (
              <p class="form-error">{errorText(history.error)}</p>
            ) : points.length > 1 ? (
              <Chart options={options} data={data} label="Net worth over time" testId="dashboard-history-chart" height={260} />
            ) : (
              <p class="muted">{history.state === "loading" ? "Loading…" : "Not enough history for a chart in this period."}</p>
            )}
          </section>
          <div class="cards">
            <section class="card" aria-labelledby="alloc-title" data-testid="dashboard-allocation">
              <h2 id="alloc-title">Allocation</h2>
              <SelectField id="dashboard-allocation-by" label="By" value={by} onValue={(v) => setBy(v as AllocationBy)} options={ALLOCATION_BY} testId="dashboard-allocation-by" />
              {allocation.state === "loading" && <p class="muted">Loading…</p>}
              {allocation.state === "error" && <p class="form-error">{errorText(allocation.error)}</p>}
              {allocation.state === "ok" && (
                <ul class="bars" aria-label="Share of net worth">
                  {allocationBars(allocation.data).map((b) => (
                    <li key={b.key} data-testid="allocation-bar">
                      <span class="bar-label">{b.label}</span>
                      <span class="bar-track" aria-hidden="true">
                        <span class="bar-fill" style={{ width: `${Math.max(0, Math.min(1, b.weight)) * 100}%` }} />
                      </span>
                      <span class="bar-value">{formatPercent(b.weight)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section class="card" aria-labelledby="perf-title" data-testid="dashboard-performance">
              <h2 id="perf-title">Performance ({period === "ALL" ? "all time" : period})</h2>
              {performance.state === "loading" && <p class="muted">Loading…</p>}
              {performance.state === "error" && <p class="form-error">{errorText(performance.error)}</p>}
              {performance.state === "ok" && (
                <table class="simple-table">
                  <tbody>
                    {performanceRows(performance.data).map((r) => (
                      <tr key={r.id} data-testid={`performance-${r.id}`}>
                        <th scope="row">{r.label}</th>
                        <td class="num">{r.value}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
}

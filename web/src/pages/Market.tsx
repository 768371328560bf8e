import type uPlot from "uplot";
import { ExportButton } from "../components/ExportButton";
import { useEffect, useMemo, useState } from "preact/hooks";
import { hrefFor } from "../app/router";
import { useServices } from "../app/services";
import { Chart } from "../components/Chart";
import { EmptyState } from "../components/EmptyState";
import { FormError, TextField, useFieldErrors } from "../components/Form";
import type { ApiError, MarketSyncResult, MarketSyncState, MarketValidation, PriceBar } from "../generated/api";
import { errorText } from "../ipc/result";
import { themedAxes, useChartColors } from "./chartTheme";
import { formatCompact } from "./format";
import { ago, priceChartData, syncOverview } from "./market";
import { useTask } from "./useTask";

type Loaded<T> = { state: "loading" } | { state: "ok"; data: T } | { state: "error"; error: ApiError };

export function Market() {
  const { client, toasts } = useServices();
  const [states, setStates] = useState<Loaded<MarketSyncState[]>>({ state: "loading" });
  const [lastRun, setLastRun] = useState<MarketSyncResult | null>(null);
  const [symbol, setSymbol] = useState("");
  const [shown, setShown] = useState<string | null>(null);
  const task = useTask<"sync">();

  const loadStates = async () => {
    const r = await client.api.market.syncState({});
    setStates(r.ok ? { state: "ok", data: r.data } : { state: "error", error: r.error });
    return r;
  };

  useEffect(() => {
    void loadStates().then((r) => {
      if (r.ok && !shown) {
        const first = syncOverview(r.data).symbols[0];
        if (first) {
          setSymbol(first);
          setShown(first);
        }
      }
    });
  }, [client]);

  const sync = async () => {
    const r = await task.run("sync", (o) => client.api.market.syncPrices({}, o));
    if (!r) return;
    if (!r.ok) {
      if (r.error.code === "CANCELLED") toasts.info("Sync cancelled; what was fetched so far is kept");
      else toasts.error(r.error);
    } else {
      setLastRun(r.data);
      toasts.info(`Synced ${r.data.ok} symbols${r.data.failed ? `, ${r.data.failed} failed` : ""}${r.data.notFound ? `, ${r.data.notFound} not found` : ""}`);
    }
    await loadStates();
  };

  const overview = states.state === "ok" ? syncOverview(states.data) : null;

  return (
    <>
      <h1>Market</h1>
      <section class="card" aria-labelledby="sync-title" data-testid="market-sync-card">
        <h2 id="sync-title">Prices</h2>
        <p data-testid="market-last-sync">
          {states.state === "loading"
            ? "Checking…"
            : states.state === "error"
              ? `Sync status is unavailable (${errorText(states.error)}).`
              : overview?.lastSyncAt
                ? `Last synced ${ago(overview.lastSyncAt)} (${new Date(overview.lastSyncAt).toLocaleString()}). Held symbols sync once a day after the close while the app runs.`
                : "Never synced. Sync fetches daily prices, dividends and splits for every symbol you hold."}
        </p>
        <div class="actions">
          <button type="button" class="button primary" disabled={task.running !== null} onClick={() => void sync()} data-testid="market-sync">
            Sync now
          </button>
          <ExportButton kind="prices" />
          {task.running && (
            <>
              <span class="muted" role="status">
                Syncing{task.progress && task.progress.total > 0 ? ` ${task.progress.done} / ${task.progress.total}` : "…"}
              </span>
              <button type="button" class="button" onClick={() => task.cancel()} data-testid="market-sync-cancel">
                Cancel
              </button>
            </>
          )}
        </div>
        {lastRun && lastRun.items.some((i) => i.status !== "ok") && (
          <ul class="plain-list" data-testid="market-sync-problems">
            {lastRun.items
              .filter((i) => i.status !== "ok")
              .map((i) => (
                <li key={i.key}>
                  <span class={i.status === "failed" ? "badge neg" : "badge"}>{i.status === "failed" ? "failed" : "not found"}</span> {i.key}
                  {i.reason ? `: ${i.reason}` : ""}
                </li>
              ))}
          </ul>
        )}
        {overview && overview.failed.length + overview.notFound.length > 0 && !lastRun && (
          <p class="warning" data-testid="market-sync-failures">
            Last time, {[...overview.failed, ...overview.notFound].map((s) => `${s.key} (${s.lastError ?? s.lastStatus})`).join(", ")} did not sync.
          </p>
        )}
      </section>

      {overview && overview.symbols.length === 0 && !lastRun ? (
        <EmptyState title="No market data yet">
          <p>
            Prices come for the symbols you hold. Import your transactions first, then press <strong>Sync now</strong>. Data sources (and
            their addresses) are in Settings.
          </p>
          <a class="button" href={hrefFor("transactions")} data-testid="empty-state-action">
            Import transactions
          </a>{" "}
          <a class="button" href={hrefFor("settings")}>
            Open Settings
          </a>
        </EmptyState>
      ) : (
        <section class="card" aria-labelledby="price-title">
          <h2 id="price-title">Price history</h2>
          <form
            class="toolbar"
            onSubmit={(e) => {
              e.preventDefault();
              if (symbol.trim()) setShown(symbol.trim().toUpperCase());
            }}
          >
            <TextField id="market-symbol" label="Symbol" value={symbol} onValue={setSymbol} testId="market-symbol" />
            <button type="submit" class="button" data-testid="market-show">
              Show
            </button>
            {overview && overview.symbols.length > 0 && (
              <span class="muted">
                Held:{" "}
                {overview.symbols.slice(0, 30).map((s) => (
                  <button
                    type="button"
                    key={s}
                    class="link-button symbol-link"
                    onClick={() => {
                      setSymbol(s);
                      setShown(s);
                    }}
                  >
                    {s}
                  </button>
                ))}
              </span>
            )}
          </form>
          {shown && <PriceHistory key={shown} symbol={shown} />}
        </section>
      )}
    </>
  );
}

function PriceHistory({ symbol }: { symbol: string }) {
  const { client } = useServices();
  const colors = useChartColors();
  const [bars, setBars] = useState<Loaded<PriceBar[]>>({ state: "loading" });
  const [validation, setValidation] = useState<MarketValidation | null>(null);
  const form = useFieldErrors(["symbol"]);

  useEffect(() => {
    void client.api.market.prices({ symbol }).then((r) => {
      setBars(r.ok ? { state: "ok", data: r.data } : { state: "error", error: r.error });
      if (!r.ok) form.fromServer(r.error);
    });
    void client.api.market.validate({ symbol }).then((r) => setValidation(r.ok ? r.data : null));
  }, [client, symbol]);

  const series = useMemo(() => priceChartData(bars.state === "ok" ? bars.data : [], validation), [bars, validation]);
  const data = useMemo<uPlot.AlignedData>(() => [series.x, series.close, series.gaps, series.outliers], [series]);
  const options = useMemo<Omit<uPlot.Options, "width" | "height">>(
    () => ({
      series: [
        {},
        { label: "Close", stroke: colors.accent, width: 1.5, points: { show: false }, spanGaps: false },
        { label: "Missing day", stroke: colors.grid, width: 0, points: { show: true, size: 7, stroke: colors.text, fill: colors.grid } },
        { label: "Outlier", stroke: colors.danger, width: 0, points: { show: true, size: 9, stroke: colors.danger, fill: colors.danger } },
      ],
      axes: themedAxes(colors, formatCompact),
    }),
    [colors],
  );

  if (bars.state === "loading") return <p class="muted">Loading {symbol}…</p>;
  if (bars.state === "error") return <FormError message={form.formError ?? errorText(bars.error)} testId="market-error" />;
  if (bars.data.length === 0)
    return (
      <p class="muted" data-testid="market-no-prices">
        No prices for {symbol} yet. Press Sync now to fetch them.
      </p>
    );
  return (
    <div data-testid="market-prices">
      <Chart options={options} data={data} label={`Daily close of ${symbol}; missing trading days and outliers are marked`} testId="market-chart" height={300} />
      {validation && (
        <dl class="facts" data-testid="market-validation">
          <dt>Days held</dt>
          <dd>
            {validation.bars} ({validation.first} to {validation.last})
          </dd>
          <dt>Missing trading days</dt>
          <dd data-testid="market-gaps">{validation.gaps.length === 0 ? "none" : `${validation.gaps.length}: ${listDates(validation.gaps)}`}</dd>
          <dt>Outliers</dt>
          <dd data-testid="market-outliers">
            {validation.outliers.length === 0
              ? "none"
              : validation.outliers.map((o) => `${o.date} (${(o.logReturn * 100).toFixed(1)}%, score ${o.score.toFixed(1)})`).join(", ")}
          </dd>
          <dt>Price sanity</dt>
          <dd data-testid="market-ohlc">{validation.ohlcProblems.length === 0 ? "no problems" : validation.ohlcProblems.map((p) => `${p.date}: ${p.problem}`).join("; ")}</dd>
        </dl>
      )}
    </div>
  );
}

function listDates(dates: readonly string[]): string {
  return dates.length <= 8 ? dates.join(", ") : `${dates.slice(0, 8).join(", ")} and ${dates.length - 8} more`;
}

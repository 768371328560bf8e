import type uPlot from "uplot";
import { useEffect, useMemo, useState } from "preact/hooks";
import { useServices } from "../app/services";
import { Chart } from "../components/Chart";
import { ExportButton } from "../components/ExportButton";
import { fanChart, lineSeries } from "../components/chartSeries";
import { FormError, SelectField, TextField, useFieldErrors } from "../components/Form";
import type {
  ApiError,
  LifeEventType,
  SimulationConfig,
  SimulationHistoricalResult,
  SimulationResult,
  SimulationRunSummary,
  SimulationSafeWithdrawalRate,
  SimulationSensitivityPoint,
} from "../generated/api";
import { themedAxes, useChartColors, type ChartColors } from "./chartTheme";
import { formatAmount, formatCompact, formatPercent } from "./format";
import {
  BIG_RUN_TRIALS,
  DATA_FIRST_YEAR,
  DATA_LAST_YEAR,
  DEFAULT_DRAFT,
  eventField,
  fanData,
  fieldForServerPath,
  firstWithdrawal,
  formatSensitivityValue,
  historicalSeries,
  SENSITIVITY,
  sensitivityValues,
  STRATEGIES,
  toConfig,
  toHistorical,
  type LifeEventDraft,
  type PlanDraft,
  type SensitivityParameter,
} from "./planner";
import { useTask } from "./useTask";

type TaskKind = "run" | "historical" | "sensitivity" | "swr";

const TASK_LABELS: Record<TaskKind, string> = {
  run: "Simulating",
  historical: "Replaying history",
  sensitivity: "Sweeping",
  swr: "Searching for the safe rate",
};

type Outcome =
  | { kind: "monteCarlo"; config: SimulationConfig; result: SimulationResult }
  | { kind: "historical"; result: SimulationHistoricalResult };

export function Planner() {
  const { client, toasts } = useServices();
  const [draft, setDraft] = useState<PlanDraft>(DEFAULT_DRAFT);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [sweep, setSweep] = useState<{ parameter: SensitivityParameter; points: SimulationSensitivityPoint[] } | null>(null);
  const [parameter, setParameter] = useState<SensitivityParameter>("withdrawal.rate");
  const [target, setTarget] = useState("90");
  const [swr, setSwr] = useState<SimulationSafeWithdrawalRate | null>(null);
  const form = useFieldErrors([]);
  const task = useTask<TaskKind>();

  const set = <K extends keyof PlanDraft>(key: K) => (value: PlanDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof PlanDraft) => set(key) as (value: string) => void;
  const err = form.errors;

  const serverError = (error: ApiError) => {
    if (error.code === "CANCELLED") {
      toasts.info("Cancelled");
      return;
    }
    const field = fieldForServerPath(error.field);
    if (field) form.check({ [field]: error.message });
    else form.fromServer(error);
  };

  /** Validates the Monte Carlo config, showing the errors inline. */
  const config = (): SimulationConfig | null => {
    const v = toConfig(draft);
    if (!form.check(v.ok ? {} : v.errors)) return null;
    return v.ok ? v.value : null;
  };

  const run = async (e: Event) => {
    e.preventDefault();
    if (draft.mode === "historical") {
      const v = toHistorical(draft);
      if (!form.check(v.ok ? {} : v.errors) || !v.ok) return;
      const r = await task.run("historical", (o) => client.api.simulation.historical(v.value, o));
      if (r?.ok) setOutcome({ kind: "historical", result: r.data });
      else if (r) serverError(r.error);
      return;
    }
    const c = config();
    if (!c) return;
    const r = await task.run("run", (o) => client.api.simulation.run({ config: c }, o));
    if (r?.ok) setOutcome({ kind: "monteCarlo", config: c, result: r.data });
    else if (r) serverError(r.error);
  };

  const runSweep = async () => {
    const c = config();
    if (!c) return;
    const values = sensitivityValues(parameter, c);
    const r = await task.run("sensitivity", (o) => client.api.simulation.sensitivity({ config: c, parameter, values }, o));
    if (r?.ok) setSweep({ parameter, points: r.data });
    else if (r) serverError(r.error);
  };

  const runSwr = async () => {
    const c = config();
    if (!c) return;
    const t = Number(target);
    if (target.trim() === "" || !Number.isFinite(t) || t <= 0 || t > 100) {
      form.check({ target: "Target success must be a percentage above 0 and at most 100" });
      return;
    }
    const r = await task.run("swr", (o) => client.api.simulation.safeWithdrawalRate({ config: c, targetSuccess: t / 100 }, o));
    if (r?.ok) setSwr(r.data);
    else if (r) serverError(r.error);
  };

  const busy = task.running !== null;
  const trials = Number(draft.trials);
  const historical = draft.mode === "historical";

  return (
    <>
      <h1>Planner</h1>
      <p class="muted">
        Will the money last? Run thousands of possible markets (Monte Carlo) or replay every period of history since{" "}
        {DATA_FIRST_YEAR}. All amounts are in today's money.
      </p>
      <form class="card planner-form" onSubmit={run} noValidate data-testid="planner-form">
        <fieldset class="segmented">
          <legend>Method</legend>
          <label>
            <input type="radio" name="mode" value="monteCarlo" checked={!historical} data-testid="planner-mode-montecarlo" onChange={() => set("mode")("monteCarlo")} />{" "}
            Monte Carlo
          </label>
          <label>
            <input type="radio" name="mode" value="historical" checked={historical} data-testid="planner-mode-historical" onChange={() => set("mode")("historical")} />{" "}
            Historical periods
          </label>
        </fieldset>

        <div class="form-grid">
          <TextField id="initialPortfolio" label="Starting portfolio" value={draft.initialPortfolio} onValue={text("initialPortfolio")} error={err.initialPortfolio} testId="planner-initialPortfolio" />
          <TextField id="years" label="Years in retirement" value={draft.years} onValue={text("years")} error={err.years} testId="planner-years" />
          <TextField id="stocks" label="Stocks (%)" value={draft.stocks} onValue={text("stocks")} error={err.stocks} hint={`Bonds: ${bondsHint(draft.stocks)}; rebalanced yearly`} testId="planner-stocks" />
          <TextField id="fees" label="Yearly fees (%)" value={draft.fees} onValue={text("fees")} error={err.fees} testId="planner-fees" />
        </div>

        {!historical && (
          <fieldset>
            <legend>Returns</legend>
            <SelectField
              id="model"
              label="Model"
              value={draft.model}
              onValue={(v) => set("model")(v as PlanDraft["model"])}
              options={[
                { value: "parametric", label: "Parametric (mean and volatility)" },
                { value: "bootstrap", label: `Bootstrap (resample years ${DATA_FIRST_YEAR}–${DATA_LAST_YEAR})` },
              ]}
              testId="planner-model"
            />
            {draft.model === "parametric" ? (
              <div class="form-grid">
                <TextField id="stocksMean" label="Stocks mean (%)" value={draft.stocksMean} onValue={text("stocksMean")} error={err.stocksMean} />
                <TextField id="stocksStdev" label="Stocks volatility (%)" value={draft.stocksStdev} onValue={text("stocksStdev")} error={err.stocksStdev} />
                <TextField id="bondsMean" label="Bonds mean (%)" value={draft.bondsMean} onValue={text("bondsMean")} error={err.bondsMean} />
                <TextField id="bondsStdev" label="Bonds volatility (%)" value={draft.bondsStdev} onValue={text("bondsStdev")} error={err.bondsStdev} />
                <TextField id="correlation" label="Stock/bond correlation" value={draft.correlation} onValue={text("correlation")} error={err.correlation} hint="-1 to 1" />
                <TextField id="inflationMean" label="Inflation mean (%)" value={draft.inflationMean} onValue={text("inflationMean")} error={err.inflationMean} />
                <TextField id="inflationStdev" label="Inflation volatility (%)" value={draft.inflationStdev} onValue={text("inflationStdev")} error={err.inflationStdev} />
              </div>
            ) : (
              <div class="form-grid">
                <TextField id="blockYears" label="Block length (years)" value={draft.blockYears} onValue={text("blockYears")} error={err.blockYears} hint="Consecutive years drawn together" />
                <WindowFields draft={draft} text={text} err={err} />
              </div>
            )}
          </fieldset>
        )}
        {historical && (
          <fieldset>
            <legend>History window</legend>
            <div class="form-grid">
              <WindowFields draft={draft} text={text} err={err} />
            </div>
          </fieldset>
        )}

        <fieldset>
          <legend>Withdrawals</legend>
          <div class="form-grid">
            <SelectField
              id="strategy"
              label="Strategy"
              value={draft.strategy}
              onValue={(v) => set("strategy")(v as PlanDraft["strategy"])}
              options={STRATEGIES.map((s) => ({ value: s.id, label: s.label }))}
              testId="planner-strategy"
            />
            <TextField
              id="rate"
              label="Withdrawal rate (%)"
              value={draft.rate}
              onValue={text("rate")}
              error={err.rate}
              hint={draft.strategy === "constantPercentage" ? "Of the portfolio each year" : "Of the starting portfolio, then raised with inflation"}
              testId="planner-rate"
            />
            {draft.strategy === "constantPercentage" && (
              <>
                <TextField id="floor" label="Floor per year (optional)" value={draft.floor} onValue={text("floor")} error={err.floor} testId="planner-floor" />
                <TextField id="ceiling" label="Ceiling per year (optional)" value={draft.ceiling} onValue={text("ceiling")} error={err.ceiling} testId="planner-ceiling" />
              </>
            )}
            {draft.strategy === "guytonKlinger" && (
              <>
                <TextField id="guardrail" label="Guardrail (%)" value={draft.guardrail} onValue={text("guardrail")} error={err.guardrail} hint="Cut or raise when the rate drifts this far" testId="planner-guardrail" />
                <TextField id="adjustment" label="Adjustment (%)" value={draft.adjustment} onValue={text("adjustment")} error={err.adjustment} hint="Size of each cut or raise" testId="planner-adjustment" />
              </>
            )}
            <SelectField
              id="timing"
              label="Withdraw at"
              value={draft.timing}
              onValue={(v) => set("timing")(v as PlanDraft["timing"])}
              options={[
                { value: "start", label: "Start of each year" },
                { value: "end", label: "End of each year (Trinity study)" },
              ]}
            />
          </div>
        </fieldset>

        <LifeEvents events={draft.events} onChange={set("events")} errors={err} />

        <details class="advanced">
          <summary>Advanced</summary>
          <div class="form-grid">
            {!historical && (
              <>
                <TextField id="trials" label="Trials" value={draft.trials} onValue={text("trials")} error={err.trials} hint="Up to 1,000,000" testId="planner-trials" />
                <TextField id="seed" label="Random seed" value={draft.seed} onValue={text("seed")} error={err.seed} hint="Same seed, same answer" />
              </>
            )}
            <label class="check">
              <input type="checkbox" checked={draft.nominal} onChange={(e) => set("nominal")((e.currentTarget as HTMLInputElement).checked)} /> Show
              nominal money instead of today's money
            </label>
          </div>
        </details>

        <FormError message={form.formError} testId="planner-form-error" />
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy} data-testid="planner-run">
            {historical ? "Replay history" : "Run simulation"}
          </button>
          {busy && (
            <>
              <span class="muted" role="status" data-testid="planner-running">
                {TASK_LABELS[task.running!]}
                {task.progress && task.progress.total > 0 ? ` — ${Math.round((100 * task.progress.done) / task.progress.total)}%` : "…"}
              </span>
              <button type="button" class="button" data-testid="planner-cancel" onClick={() => task.cancel()}>
                Cancel
              </button>
            </>
          )}
          {!busy && !historical && trials > BIG_RUN_TRIALS && <span class="muted">Big run: progress shows above, and you can cancel it.</span>}
        </div>
      </form>

      {outcome?.kind === "monteCarlo" && <MonteCarloResult config={outcome.config} result={outcome.result} />}
      {outcome?.kind === "historical" && <HistoricalResult result={outcome.result} />}
      {!historical && <SavedRuns latest={outcome?.kind === "monteCarlo" ? outcome.result.runId ?? null : null} />}

      {!historical && (
        <div class="cards">
          <section class="card" aria-labelledby="planner-sensitivity-title">
            <h2 id="planner-sensitivity-title">What if…</h2>
            <p class="muted">Success rate as one setting changes, on the same simulated markets.</p>
            <SelectField
              id="sensitivity-parameter"
              label="Vary"
              value={parameter}
              onValue={(v) => setParameter(v as SensitivityParameter)}
              options={SENSITIVITY.map((s) => ({ value: s.id, label: s.label }))}
              testId="planner-sensitivity-parameter"
            />
            <button type="button" class="button" disabled={busy} data-testid="planner-sensitivity-run" onClick={() => void runSweep()}>
              Show sensitivity
            </button>
            {sweep && <SensitivityChart parameter={sweep.parameter} points={sweep.points} />}
          </section>
          <section class="card" aria-labelledby="planner-swr-title">
            <h2 id="planner-swr-title">Safe withdrawal rate</h2>
            <p class="muted">The highest starting rate that still succeeds often enough in this plan.</p>
            <TextField id="target" label="Target success (%)" value={target} onValue={setTarget} error={err.target} testId="planner-target" />
            <button type="button" class="button" disabled={busy} data-testid="planner-swr-run" onClick={() => void runSwr()}>
              Find the safe rate
            </button>
            {swr && (
              <dl class="facts" data-testid="planner-swr">
                <dt>Safe rate</dt>
                <dd data-testid="planner-swr-rate">{formatPercent(swr.rate, 2)}</dd>
                <dt>First-year withdrawal</dt>
                <dd>{formatAmount(swr.initialWithdrawal)}</dd>
                <dt>Success at that rate</dt>
                <dd>{formatPercent(swr.successRate)}</dd>
              </dl>
            )}
          </section>
        </div>
      )}
    </>
  );
}

function bondsHint(stocks: string): string {
  const s = Number(stocks);
  return stocks.trim() !== "" && Number.isFinite(s) && s >= 0 && s <= 100 ? `${Number((100 - s).toFixed(4))}%` : "the rest";
}

function WindowFields({ draft, text, err }: { draft: PlanDraft; text: (k: keyof PlanDraft) => (v: string) => void; err: Readonly<Record<string, string>> }) {
  return (
    <>
      <TextField id="from" label="First year" value={draft.from} onValue={text("from")} error={err.from} hint={`From ${DATA_FIRST_YEAR}`} testId="planner-from" />
      <TextField id="to" label="Last year" value={draft.to} onValue={text("to")} error={err.to} hint={`Up to ${DATA_LAST_YEAR}`} testId="planner-to" />
    </>
  );
}

const EVENT_TYPES: readonly { value: LifeEventType; label: string }[] = [
  { value: "expense", label: "Expense" },
  { value: "income", label: "Income (e.g. a pension)" },
  { value: "windfall", label: "Windfall (once)" },
];

function LifeEvents({ events, onChange, errors }: { events: LifeEventDraft[]; onChange: (e: LifeEventDraft[]) => void; errors: Readonly<Record<string, string>> }) {
  const update = (i: number, patch: Partial<LifeEventDraft>) => onChange(events.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <fieldset>
      <legend>Life events</legend>
      {events.length === 0 && <p class="muted">None. Add a one-off expense, an income such as a pension, or an inheritance.</p>}
      {events.map((e, i) => (
        <div class="form-grid life-event" key={i} data-testid="planner-event">
          <SelectField id={eventField(i, "type")} label="Type" value={e.type} onValue={(v) => update(i, { type: v as LifeEventType })} options={EVENT_TYPES} />
          <TextField id={eventField(i, "year")} label="Year" value={e.year} onValue={(v) => update(i, { year: v })} error={errors[eventField(i, "year")]} testId={`planner-event${i}-year`} />
          <TextField id={eventField(i, "amount")} label="Amount" value={e.amount} onValue={(v) => update(i, { amount: v })} error={errors[eventField(i, "amount")]} testId={`planner-event${i}-amount`} />
          {e.type !== "windfall" && (
            <TextField
              id={eventField(i, "untilYear")}
              label="Until year (optional)"
              value={e.untilYear}
              onValue={(v) => update(i, { untilYear: v })}
              error={errors[eventField(i, "untilYear")]}
              testId={`planner-event${i}-untilYear`}
            />
          )}
          <button type="button" class="button subtle" aria-label={`Remove life event ${i + 1}`} onClick={() => onChange(events.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="button" data-testid="planner-add-event" onClick={() => onChange([...events, { year: "1", type: "expense", amount: "", untilYear: "" }])}>
        Add life event
      </button>
    </fieldset>
  );
}

function MonteCarloResult({ config, result }: { config: SimulationConfig; result: SimulationResult }) {
  const colors = useChartColors();
  const fan = useMemo(() => {
    const { x, percentiles } = fanData(result);
    return fanChart(x, percentiles, colors.accent.startsWith("#") ? colors.accent : "#2f6fde");
  }, [result, colors]);
  const options = useMemo<Omit<uPlot.Options, "width" | "height">>(
    () => ({
      series: fan.series,
      bands: fan.bands,
      scales: { x: { time: false } },
      axes: themedAxes(colors, formatCompact, (v) => `${v}`),
      legend: { show: false },
    }),
    [fan.series, fan.bands, colors],
  );
  const depleted = result.depletionYears.reduce((a, b) => a + b, 0);
  return (
    <section class="card" aria-labelledby="planner-result-title" data-testid="planner-result">
      <div class="card-header actions">
        <h2 id="planner-result-title">Result</h2>
        {result.runId != null && <ExportButton kind="simulation" filters={{ runId: result.runId }} baseName={`simulation-run-${result.runId}`} testId="export-simulation-run" />}
      </div>
      <div class="stats">
        <Stat label="Success rate" value={formatPercent(result.successRate)} testId="planner-success-rate" tone={result.successRate >= 0.9 ? "ok" : result.successRate < 0.75 ? "bad" : undefined} />
        <Stat label="Median final portfolio" value={formatAmount(result.medianTerminal)} testId="planner-median-terminal" />
        <Stat label="First-year withdrawal" value={formatAmount(firstWithdrawal(config))} />
        <Stat label="Trials that ran out" value={`${formatAmount(depleted)} of ${formatAmount(result.trials)}`} />
      </div>
      <Chart
        options={options}
        data={fan.data}
        label={`Portfolio value over ${result.years} years: 5th to 95th percentile bands, median line`}
        testId="planner-fan-chart"
        height={300}
      />
      <p class="muted chart-caption">
        Shaded bands: 5th–95th, 10th–90th and 25th–75th percentiles of the portfolio at the start of each year; line: median.
        {result.exactPercentiles ? "" : " Percentiles of this very large run are approximate (within 0.05%)."} Computed in {formatAmount(result.elapsedMs)} ms.
      </p>
    </section>
  );
}

/**
 * Every Monte Carlo run is stored by the sidecar: the newest are listed here to export or delete.
 * Reloads whenever a new run arrives.
 */
function SavedRuns({ latest }: { latest: number | null }) {
  const { client, toasts } = useServices();
  const [runs, setRuns] = useState<SimulationRunSummary[] | null>(null);
  const load = async () => {
    const r = await client.api.simulation.runs({ limit: 20 });
    if (r.ok) setRuns(r.data);
    else toasts.error(r.error);
  };
  useEffect(() => {
    void load();
  }, [latest]);
  const remove = async (runId: number) => {
    const r = await client.api.simulation.deleteRun({ runId });
    if (r.ok) {
      toasts.info(`Deleted run ${runId}`);
      void load();
    } else toasts.error(r.error);
  };
  if (!runs || runs.length === 0) return null;
  return (
    <section class="card" aria-labelledby="planner-runs-title" data-testid="planner-runs">
      <div class="card-header actions">
        <h2 id="planner-runs-title">Saved runs</h2>
        <ExportButton kind="simulation" baseName="simulation-runs" testId="export-simulation-runs" />
      </div>
      <ul class="run-list">
        {runs.map((run) => (
          <li key={run.runId} data-testid={`planner-run-${run.runId}`}>
            <span>
              Run {run.runId} · {new Date(run.createdAt).toLocaleString()} · {formatAmount(run.trials)} trials over {run.years} years ·
              success {formatPercent(run.successRate)} · withdrawal {formatPercent(run.config.withdrawal.rate)}
            </span>
            <button type="button" class="button" aria-label={`Delete run ${run.runId}`} onClick={() => void remove(run.runId)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Stat({ label, value, testId, tone }: { label: string; value: string; testId?: string; tone?: "ok" | "bad" | undefined }) {
  return (
    <div class="stat">
      <span class="stat-label">{label}</span>
      <span class={tone ? `stat-value ${tone}` : "stat-value"} data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

function HistoricalResult({ result }: { result: SimulationHistoricalResult }) {
  const colors = useChartColors();
  const series = useMemo(() => historicalSeries(result.periods), [result]);
  const data = useMemo<uPlot.AlignedData>(() => {
    const failed = new Set(series.failed);
    return [series.x, series.terminal, series.x.map((y) => (failed.has(y) ? 0 : null))];
  }, [series]);
  const options = useMemo(() => historicalOptions(colors), [colors]);
  return (
    <section class="card" aria-labelledby="planner-hist-title" data-testid="planner-historical">
      <h2 id="planner-hist-title">History</h2>
      <div class="stats">
        <Stat label="Success rate" value={formatPercent(result.successRate)} testId="planner-hist-success" />
        <Stat label="Periods" value={`${result.periods.length} (${result.from}–${result.to})`} />
        <Stat label="Failed periods" value={String(series.failed.length)} testId="planner-hist-failed" />
      </div>
      <Chart options={options} data={data} label="Final portfolio by the year retirement started; red marks periods that ran out" testId="planner-hist-chart" />
      {series.failed.length > 0 && <p class="muted">Ran out when starting in: {series.failed.join(", ")}.</p>}
    </section>
  );
}

function historicalOptions(colors: ChartColors): Omit<uPlot.Options, "width" | "height"> {
  return {
    series: [
      { label: "Start year" },
      lineSeries("Final portfolio", colors.accent),
      { label: "Ran out", stroke: colors.danger, width: 0, points: { show: true, size: 8, fill: colors.danger } },
    ],
    scales: { x: { time: false } },
    axes: themedAxes(colors, formatCompact, (v) => `${v}`),
  };
}

function SensitivityChart({ parameter, points }: { parameter: SensitivityParameter; points: SimulationSensitivityPoint[] }) {
  const colors = useChartColors();
  const meta = SENSITIVITY.find((s) => s.id === parameter)!;
  const data = useMemo<uPlot.AlignedData>(() => [points.map((p) => p.value), points.map((p) => p.successRate * 100)], [points]);
  const options = useMemo<Omit<uPlot.Options, "width" | "height">>(
    () => ({
      series: [{ label: meta.axis }, { ...lineSeries("Success rate", colors.accent), points: { show: true, size: 6 } }],
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: themedAxes(colors, (v) => `${v}%`, (v) => formatSensitivityValue(parameter, v)),
      legend: { show: false },
    }),
    [colors, parameter, meta.axis],
  );
  return (
    <>
      <Chart options={options} data={data} label={`Success rate by ${meta.axis.toLowerCase()}`} testId="planner-sensitivity-chart" height={220} />
      <table class="simple-table" data-testid="planner-sensitivity-table">
        <thead>
          <tr>
            <th>{meta.axis}</th>
            <th class="num">Success</th>
            <th class="num">Median final</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.value}>
              <td>{formatSensitivityValue(parameter, p.value)}</td>
              <td class="num">{formatPercent(p.successRate)}</td>
              <td class="num">{formatAmount(p.medianTerminal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

// The Planner's logic, kept apart from the page so it can be tested without a DOM: the form draft
// (strings as typed, percentages as people write them), its validation into the contract's config
// (the same rules the engine applies, so most mistakes are caught before a call), the mapping of
// the engine's error paths back to inputs, and the shaping of results for the charts.

import type {
  LifeEventType,
  ReturnsModel,
  SimulationConfig,
  SimulationHistoricalParams,
  SimulationLifeEvent,
  SimulationPercentiles,
  SimulationResult,
  WithdrawalConfig,
  WithdrawalStrategy,
  WithdrawalTiming,
} from "../generated/api";

export type PlanMode = "monteCarlo" | "historical";

export interface LifeEventDraft {
  year: string;
  type: LifeEventType;
  amount: string;
  untilYear: string;
}

export interface PlanDraft {
  mode: PlanMode;
  initialPortfolio: string;
  years: string;
  trials: string;
  seed: string;
  /** Percent of the portfolio in stocks; the rest is bonds. */
  stocks: string;
  model: ReturnsModel;
  stocksMean: string;
  stocksStdev: string;
  bondsMean: string;
  bondsStdev: string;
  correlation: string;
  inflationMean: string;
  inflationStdev: string;
  blockYears: string;
  from: string;
  to: string;
  strategy: WithdrawalStrategy;
  rate: string;
  floor: string;
  ceiling: string;
  guardrail: string;
  adjustment: string;
  fees: string;
  timing: WithdrawalTiming;
  nominal: boolean;
  events: LifeEventDraft[];
}

/** The years of returns in the bundled Shiller data set. */
export const DATA_FIRST_YEAR = 1871;
export const DATA_LAST_YEAR = 2010;
export const MAX_YEARS = 100;
export const MAX_TRIALS = 1_000_000;

export const DEFAULT_DRAFT: PlanDraft = {
  mode: "monteCarlo",
  initialPortfolio: "1000000",
  years: "30",
  trials: "10000",
  seed: "42",
  stocks: "60",
  model: "parametric",
  stocksMean: "7",
  stocksStdev: "17",
  bondsMean: "2.5",
  bondsStdev: "6",
  correlation: "0.1",
  inflationMean: "3",
  inflationStdev: "1.5",
  blockYears: "5",
  from: String(DATA_FIRST_YEAR),
  to: String(DATA_LAST_YEAR),
  strategy: "constantDollar",
  rate: "4",
  floor: "",
  ceiling: "",
  guardrail: "20",
  adjustment: "10",
  fees: "0.2",
  timing: "start",
  nominal: false,
  events: [],
};

export const STRATEGIES: readonly { id: WithdrawalStrategy; label: string }[] = [
  { id: "constantDollar", label: "Constant dollar (the 4% rule)" },
  { id: "constantPercentage", label: "Constant percentage of the portfolio" },
  { id: "guytonKlinger", label: "Guyton-Klinger guardrails" },
];

export type Errors = Record<string, string>;

/** Reads a field as typed: blank → missing, otherwise a finite number or an error. */
class Reader {
  readonly errors: Errors = {};

  number(field: string, text: string, label: string, range?: { min?: number; max?: number; integer?: boolean }): number {
    const t = text.trim().replace(/,/g, "");
    if (t === "") {
      this.errors[field] ??= `${label} is required`;
      return NaN;
    }
    const value = Number(t);
    if (!Number.isFinite(value)) {
      this.errors[field] ??= `${label} must be a number`;
      return NaN;
    }
    if (range?.integer && !Number.isInteger(value)) this.errors[field] ??= `${label} must be a whole number`;
    else if (range?.min !== undefined && value < range.min) this.errors[field] ??= `${label} must be at least ${range.min}`;
    else if (range?.max !== undefined && value > range.max) this.errors[field] ??= `${label} must be at most ${range.max}`;
    return value;
  }

  optional(field: string, text: string, label: string, range?: { min?: number; max?: number; integer?: boolean }): number | null {
    return text.trim() === "" ? null : this.number(field, text, label, range);
  }

  fail(field: string, message: string) {
    this.errors[field] ??= message;
  }
}

const pct = (value: number) => value / 100;

/** The ids of the inputs for life event `i`. */
export function eventField(i: number, name: keyof LifeEventDraft): string {
  return `event${i}.${name}`;
}

function readWithdrawal(r: Reader, d: PlanDraft): WithdrawalConfig {
  const withdrawal: WithdrawalConfig = { strategy: d.strategy, rate: pct(r.number("rate", d.rate, "Withdrawal rate", { min: 0, max: 100 })) };
  if (d.strategy === "constantPercentage") {
    const floor = r.optional("floor", d.floor, "Floor", { min: 0 });
    const ceiling = r.optional("ceiling", d.ceiling, "Ceiling", { min: 0 });
    if (floor !== null && ceiling !== null && ceiling < floor) r.fail("ceiling", "Ceiling must not be below the floor");
    if (floor !== null) withdrawal.floor = floor;
    if (ceiling !== null) withdrawal.ceiling = ceiling;
  }
  if (d.strategy === "guytonKlinger") {
    withdrawal.guardrail = pct(r.number("guardrail", d.guardrail, "Guardrail", { min: 0, max: 100 }));
    withdrawal.adjustment = pct(r.number("adjustment", d.adjustment, "Adjustment", { min: 0, max: 100 }));
  }
  return withdrawal;
}

function readEvents(r: Reader, d: PlanDraft, years: number): SimulationLifeEvent[] {
  return d.events.map((e, i) => {
    const year = r.number(eventField(i, "year"), e.year, "Year", { min: 1, integer: true });
    if (Number.isFinite(years) && year > years) r.fail(eventField(i, "year"), `Year is after the last year (${years})`);
    const amount = r.number(eventField(i, "amount"), e.amount, "Amount", { min: 0 });
    const event: SimulationLifeEvent = { year, type: e.type, amount };
    if (e.type !== "windfall") {
      const until = r.optional(eventField(i, "untilYear"), e.untilYear, "Until year", { integer: true });
      if (until !== null) {
        if (until < year) r.fail(eventField(i, "untilYear"), "Until year must not be before the year");
        else if (Number.isFinite(years) && until > years) r.fail(eventField(i, "untilYear"), `Until year is after the last year (${years})`);
        event.untilYear = until;
      }
    }
    return event;
  });
}

function readWindow(r: Reader, d: PlanDraft): { from: number; to: number } {
  const bounds = { min: DATA_FIRST_YEAR, max: DATA_LAST_YEAR, integer: true };
  const from = r.number("from", d.from, "First year", bounds);
  const to = r.number("to", d.to, "Last year", bounds);
  if (from > to) r.fail("to", "Last year must not be before the first year");
  return { from, to };
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: Errors };

function done<T>(r: Reader, value: T): Validated<T> {
  return Object.keys(r.errors).length === 0 ? { ok: true, value } : { ok: false, errors: r.errors };
}

/** The Monte Carlo config for `simulation.run`, or the inline errors. */
export function toConfig(d: PlanDraft): Validated<SimulationConfig> {
  const r = new Reader();
  const initialPortfolio = r.number("initialPortfolio", d.initialPortfolio, "Starting portfolio", { min: 1 });
  const years = r.number("years", d.years, "Years", { min: 1, max: MAX_YEARS, integer: true });
  const trials = r.number("trials", d.trials, "Trials", { min: 1, max: MAX_TRIALS, integer: true });
  const seed = r.number("seed", d.seed, "Seed", { integer: true });
  const stocks = pct(r.number("stocks", d.stocks, "Stocks", { min: 0, max: 100 }));
  const returns: SimulationConfig["returns"] =
    d.model === "parametric"
      ? {
          model: "parametric",
          stocks: { mean: pct(r.number("stocksMean", d.stocksMean, "Mean", { min: -50, max: 100 })), stdev: pct(r.number("stocksStdev", d.stocksStdev, "Volatility", { min: 0, max: 100 })) },
          bonds: { mean: pct(r.number("bondsMean", d.bondsMean, "Mean", { min: -50, max: 100 })), stdev: pct(r.number("bondsStdev", d.bondsStdev, "Volatility", { min: 0, max: 100 })) },
          correlation: r.number("correlation", d.correlation, "Correlation", { min: -1, max: 1 }),
          inflation: { mean: pct(r.number("inflationMean", d.inflationMean, "Mean", { min: -50, max: 100 })), stdev: pct(r.number("inflationStdev", d.inflationStdev, "Volatility", { min: 0, max: 100 })) },
        }
      : { model: "bootstrap", blockYears: r.number("blockYears", d.blockYears, "Block length", { min: 1, max: 50, integer: true }), ...readWindow(r, d) };
  const withdrawal = readWithdrawal(r, d);
  const fees = pct(r.number("fees", d.fees, "Fees", { min: 0, max: 50 }));
  const lifeEvents = readEvents(r, d, years);
  return done(r, {
    initialPortfolio,
    years,
    trials,
    seed,
    allocation: { stocks, bonds: 1 - stocks },
    returns,
    withdrawal,
    lifeEvents,
    fees,
    withdrawalTiming: d.timing,
    nominal: d.nominal,
  });
}

/** The params for `simulation.historical` (every rolling period in the data window), or the inline errors. */
export function toHistorical(d: PlanDraft): Validated<SimulationHistoricalParams> {
  const r = new Reader();
  const initialPortfolio = r.number("initialPortfolio", d.initialPortfolio, "Starting portfolio", { min: 1 });
  const years = r.number("years", d.years, "Years", { min: 1, max: MAX_YEARS, integer: true });
  const stocks = pct(r.number("stocks", d.stocks, "Stocks", { min: 0, max: 100 }));
  const window = readWindow(r, d);
  if (Number.isFinite(years) && Number.isFinite(window.from) && window.to - window.from + 1 < years) {
    r.fail("years", `The window ${window.from}–${window.to} holds fewer than ${years} years`);
  }
  const withdrawal = readWithdrawal(r, d);
  const fees = pct(r.number("fees", d.fees, "Fees", { min: 0, max: 50 }));
  const lifeEvents = readEvents(r, d, years);
  return done(r, {
    years,
    allocation: { stocks, bonds: 1 - stocks },
    withdrawal,
    ...window,
    lifeEvents,
    withdrawalTiming: d.timing,
    fees,
    initialPortfolio,
    nominal: d.nominal,
  });
}

const SERVER_FIELDS: Record<string, string> = {
  "returns.stocks.mean": "stocksMean",
  "returns.stocks.stdev": "stocksStdev",
  "returns.bonds.mean": "bondsMean",
  "returns.bonds.stdev": "bondsStdev",
  "returns.inflation.mean": "inflationMean",
  "returns.inflation.stdev": "inflationStdev",
  "returns.correlation": "correlation",
  "returns.blockYears": "blockYears",
  "returns.from": "from",
  "returns.to": "to",
  allocation: "stocks",
  "allocation.stocks": "stocks",
  "allocation.bonds": "stocks",
};

/**
 * The input an engine error names (`config.withdrawal.rate` → `rate`,
 * `config.lifeEvents[1].untilYear` → `event1.untilYear`), or null.
 */
export function fieldForServerPath(path: string | undefined): string | null {
  if (!path) return null;
  const p = path.replace(/^(params\.)?(config\.)?/, "");
  const event = /^lifeEvents\[(\d+)\]\.(year|amount|untilYear)$/.exec(p);
  if (event) return eventField(Number(event[1]), event[2] as keyof LifeEventDraft);
  if (SERVER_FIELDS[p]) return SERVER_FIELDS[p]!;
  const last = p.split(".").pop() ?? "";
  return FORM_FIELDS.includes(last) ? last : null;
}

const FORM_FIELDS = [
  "initialPortfolio",
  "years",
  "trials",
  "seed",
  "stocks",
  "blockYears",
  "from",
  "to",
  "rate",
  "floor",
  "ceiling",
  "guardrail",
  "adjustment",
  "fees",
];

/** Percentile keys of the result, highest first, as numbers for the fan chart. */
export const PERCENTILES = [95, 90, 75, 50, 25, 10, 5] as const;

/** x (year 0 = today … years) and the percentile bands of a run, ready for `fanChart`. */
export function fanData(result: Pick<SimulationResult, "percentiles" | "years">): { x: number[]; percentiles: Record<number, number[]> } {
  const x = Array.from({ length: result.years + 1 }, (_, i) => i);
  const percentiles: Record<number, number[]> = {};
  for (const p of PERCENTILES) percentiles[p] = result.percentiles[`p${p}` as keyof SimulationPercentiles];
  return { x, percentiles };
}

export type SensitivityParameter = "withdrawal.rate" | "allocation.stocks" | "years";

export const SENSITIVITY: readonly { id: SensitivityParameter; label: string; axis: string }[] = [
  { id: "withdrawal.rate", label: "Withdrawal rate", axis: "Initial withdrawal rate" },
  { id: "allocation.stocks", label: "Stock allocation", axis: "Share in stocks" },
  { id: "years", label: "Length of retirement", axis: "Years" },
];

/** The values a sensitivity sweep tries: a range around typical plans that includes the current one. */
export function sensitivityValues(parameter: SensitivityParameter, config: SimulationConfig): number[] {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  let values: number[];
  switch (parameter) {
    case "withdrawal.rate":
      values = Array.from({ length: 15 }, (_, i) => round(0.02 + i * 0.005));
      values.push(round(config.withdrawal.rate));
      break;
    case "allocation.stocks":
      values = Array.from({ length: 11 }, (_, i) => round(i * 0.1));
      values.push(round(config.allocation.stocks));
      break;
    case "years":
      values = Array.from({ length: 9 }, (_, i) => 10 + i * 5);
      values.push(config.years);
      break;
  }
  if (parameter === "years") {
    // Life events must stay inside every tried length.
    const lastEvent = Math.max(0, ...(config.lifeEvents ?? []).map((e) => e.untilYear ?? e.year));
    values = values.filter((v) => v >= lastEvent && v <= MAX_YEARS);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

/** How a sensitivity value is written on the axis and in the table. */
export function formatSensitivityValue(parameter: SensitivityParameter, value: number): string {
  return parameter === "years" ? String(value) : `${Number((value * 100).toFixed(2))}%`;
}

/** Final value by start year, and which periods failed, for the historical chart. */
export function historicalSeries(periods: readonly { startYear: number; success: boolean; terminal: number }[]): {
  x: number[];
  terminal: number[];
  failed: number[];
} {
  const sorted = [...periods].sort((a, b) => a.startYear - b.startYear);
  return {
    x: sorted.map((p) => p.startYear),
    terminal: sorted.map((p) => p.terminal),
    failed: sorted.filter((p) => !p.success).map((p) => p.startYear),
  };
}

/** The first-year withdrawal the plan implies, in today's money. */
export function firstWithdrawal(config: Pick<SimulationConfig, "initialPortfolio" | "withdrawal">): number {
  return config.initialPortfolio * config.withdrawal.rate;
}

/** Trials above which a run is big enough to show progress and offer Cancel prominently. */
export const BIG_RUN_TRIALS = 100_000;

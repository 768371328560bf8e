// Logic of the Dashboard: periods, today's change, allocation bars and the performance table.

import type { AllocationSlice, Performance, ValuePoint } from "../generated/api";
import { compareDecimals, sumDecimals } from "./ledger";
import { formatMoney, formatPercent } from "./format";

export type Period = "1M" | "6M" | "YTD" | "1Y" | "5Y" | "ALL";
export const PERIODS: readonly Period[] = ["1M", "6M", "YTD", "1Y", "5Y", "ALL"];

/** The first day of a period ending `today` (ISO), or null for everything. */
export function periodStart(period: Period, today: string): string | null {
  const d = new Date(`${today}T00:00:00Z`);
  switch (period) {
    case "1M":
      d.setUTCMonth(d.getUTCMonth() - 1);
      break;
    case "6M":
      d.setUTCMonth(d.getUTCMonth() - 6);
      break;
    case "YTD":
      return `${today.slice(0, 4)}-01-01`;
    case "1Y":
      d.setUTCFullYear(d.getUTCFullYear() - 1);
      break;
    case "5Y":
      d.setUTCFullYear(d.getUTCFullYear() - 5);
      break;
    case "ALL":
      return null;
  }
  return d.toISOString().slice(0, 10);
}

export function negate(decimal: string): string {
  const t = decimal.trim();
  return t.startsWith("-") ? t.slice(1) : `-${t}`;
}

/**
 * The last day's change in value, net of the money moved in or out that day, exactly; the rate is
 * relative to the day before. Null with fewer than two days.
 */
export function todaysChange(points: readonly ValuePoint[]): { date: string; change: string; rate: number | null } | null {
  if (points.length < 2) return null;
  const last = points[points.length - 1]!;
  const prev = points[points.length - 2]!;
  const change = sumDecimals([last.value, negate(prev.value), negate(last.flow)]);
  const base = Number(prev.value);
  return { date: last.date, change, rate: base > 0 ? Number(change) / base : null };
}

/** Net worth series for the chart (uPlot time axis in seconds). */
export function historySeries(points: readonly ValuePoint[]): { x: number[]; value: number[] } {
  return { x: points.map((p) => Date.parse(`${p.date}T00:00:00Z`) / 1000), value: points.map((p) => Number(p.value)) };
}

/** Slices largest first, the tail beyond `max` folded into "Other". */
export function allocationBars(slices: readonly AllocationSlice[], max = 10): { key: string; label: string; value: string; weight: number }[] {
  const sorted = [...slices].sort((a, b) => compareDecimals(b.value, a.value));
  if (sorted.length <= max) return sorted.map(({ key, label, value, weight }) => ({ key, label, value, weight }));
  const head = sorted.slice(0, max - 1);
  const tail = sorted.slice(max - 1);
  return [
    ...head.map(({ key, label, value, weight }) => ({ key, label, value, weight })),
    { key: "__other", label: `Other (${tail.length})`, value: sumDecimals(tail.map((s) => s.value)), weight: tail.reduce((a, s) => a + s.weight, 0) },
  ];
}

/** Rows of the performance table: label and formatted value. */
export function performanceRows(p: Performance): { id: string; label: string; value: string }[] {
  return [
    { id: "twr", label: "Time-weighted return", value: formatPercent(p.twr, 2) },
    { id: "cagr", label: "Per year (CAGR)", value: formatPercent(p.cagr, 2) },
    { id: "xirr", label: "Money-weighted return (XIRR)", value: p.xirr === null || p.xirr === undefined ? "—" : formatPercent(p.xirr, 2) },
    { id: "volatility", label: "Volatility (annualized)", value: formatPercent(p.volatility, 1) },
    {
      id: "maxDrawdown",
      label: "Largest fall",
      value: `${formatPercent(p.maxDrawdown, 1)}${p.maxDrawdownPeak && p.maxDrawdownTrough ? ` (${p.maxDrawdownPeak} → ${p.maxDrawdownTrough})` : ""}`,
    },
    { id: "dividendIncome", label: "Dividend income", value: formatMoney(p.dividendIncome) },
    { id: "netFlows", label: "Money added (net)", value: formatMoney(p.netFlows) },
    { id: "startValue", label: `Value on ${p.from}`, value: formatMoney(p.startValue) },
    { id: "endValue", label: `Value on ${p.to}`, value: formatMoney(p.endValue) },
  ];
}

// Logic of the Market page: price series with gaps and outliers marked, and the sync status.

import type { MarketSyncState, MarketValidation, PriceBar } from "../generated/api";

/** Seconds since the epoch at UTC midnight of an ISO date (uPlot's time axis). */
export function dateToSeconds(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

export interface PriceChartData {
  x: number[];
  /** Close; null on a gap day so the line breaks there. */
  close: (number | null)[];
  /** The last close before each gap day, so its marker sits where the line stops. */
  gaps: (number | null)[];
  /** The close on each outlier day. */
  outliers: (number | null)[];
}

/**
 * One aligned series over the union of trading days held and gap days (missing trading days),
 * sorted by date. Prices are exact decimals on the wire; a chart only needs floats.
 */
export function priceChartData(bars: readonly PriceBar[], validation: Pick<MarketValidation, "gaps" | "outliers"> | null): PriceChartData {
  const closes = new Map<string, number>();
  for (const b of bars) closes.set(b.date, Number(b.close));
  const gapDays = new Set(validation?.gaps ?? []);
  const outlierDays = new Set((validation?.outliers ?? []).map((o) => o.date));
  const days = [...new Set([...closes.keys(), ...gapDays])].sort();
  const out: PriceChartData = { x: [], close: [], gaps: [], outliers: [] };
  let last: number | null = null;
  for (const day of days) {
    const close = closes.get(day) ?? null;
    out.x.push(dateToSeconds(day));
    out.close.push(close);
    out.gaps.push(close === null && gapDays.has(day) ? last : null);
    out.outliers.push(close !== null && outlierDays.has(day) ? close : null);
    if (close !== null) last = close;
  }
  return out;
}

export interface SyncOverview {
  lastSyncAt: string | null;
  failed: MarketSyncState[];
  notFound: MarketSyncState[];
  symbols: string[];
}

/** When prices were last synced, which symbols failed, and the symbols that have prices. */
export function syncOverview(states: readonly MarketSyncState[]): SyncOverview {
  const prices = states.filter((s) => s.source === "yahoo");
  const lastSyncAt = states.reduce<string | null>((latest, s) => (latest === null || s.lastSyncAt > latest ? s.lastSyncAt : latest), null);
  return {
    lastSyncAt,
    failed: states.filter((s) => s.lastStatus === "failed"),
    notFound: states.filter((s) => s.lastStatus === "notFound"),
    symbols: prices.filter((s) => s.from).map((s) => s.key).sort(),
  };
}

/** "5 minutes ago" style text for an instant, relative to `now`. */
export function ago(instant: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(instant)) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}

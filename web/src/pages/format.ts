// Number formatting shared by the pages. Amounts carry no currency symbol: the base currency is a
// preference of the valuation work, and a wrong symbol is worse than none.

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234567.8 → "1,234,568". */
export function formatAmount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : whole.format(value);
}

/**
 * 1234.5 → "1,234.50". Exact decimal strings keep every significant digit (never rounded): only
 * zeros beyond the cents are dropped ("1200.600000" → "1,200.60", "0.123400" → "0.1234").
 */
export function formatMoney(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return groupDecimal(trimZeros(value, 2));
  return Number.isFinite(value) ? cents.format(value) : "—";
}

/** A quantity as sent, without trailing zeros ("5.00000000" → "5"), grouped. */
export function formatQuantity(value: string): string {
  return groupDecimal(trimZeros(value, 0));
}

/** Drops trailing fractional zeros of a decimal string, keeping at least `keep` decimals. */
export function trimZeros(text: string, keep: number): string {
  const m = /^(-?\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return text;
  let frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length < keep) frac = frac.padEnd(keep, "0");
  return frac ? `${m[1]}.${frac}` : m[1]!;
}

/** Groups the integer part of a decimal string without going through a float (no rounding). */
export function groupDecimal(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/** 1234567 → "1.23M", 45000 → "45K" (chart axes). */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trim(value / 1e9)}B`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e3) return `${trim(value / 1e3)}K`;
  return trim(value);
}

function trim(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** 0.8734 → "87.3%". */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction) ? "—" : `${(fraction * 100).toFixed(digits)}%`;
}

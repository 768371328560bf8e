// Logic of the ledger pages (Accounts, Transactions, Holdings), apart from the DOM: form checks,
// filters → params, and exact decimal arithmetic on the strings the ledger sends (quantities and
// money never go through a float here either).

import type {
  Account,
  AccountCreateParams,
  AccountType,
  Broker,
  CostBasisMethod,
  Disposal,
  Holding,
  Lot,
  LotAssignment,
  ReportedPosition,
  Transaction,
  TransactionsParams,
  TransactionType,
} from "../generated/api";

export const ACCOUNT_TYPES: readonly { id: AccountType; label: string }[] = [
  { id: "TAXABLE", label: "Taxable brokerage" },
  { id: "IRA", label: "Traditional IRA" },
  { id: "ROTH_IRA", label: "Roth IRA" },
  { id: "401K", label: "401(k)" },
  { id: "HSA", label: "HSA" },
  { id: "BANK", label: "Bank" },
  { id: "CRYPTO", label: "Crypto" },
  { id: "OTHER", label: "Other" },
];

export const COST_BASIS_METHODS: readonly { id: CostBasisMethod; label: string }[] = [
  { id: "FIFO", label: "FIFO — first in, first out" },
  { id: "LIFO", label: "LIFO — last in, first out" },
  { id: "HIFO", label: "HIFO — highest cost first" },
  { id: "AVERAGE", label: "Average cost" },
  { id: "SPECIFIC", label: "Specific lots (you choose per sale)" },
];

export const BROKERS: readonly { id: Broker; label: string }[] = [
  { id: "auto", label: "Detect from the header" },
  { id: "generic", label: "Generic CSV" },
  { id: "schwab", label: "Charles Schwab" },
  { id: "fidelity", label: "Fidelity" },
  { id: "vanguard", label: "Vanguard" },
  { id: "ibkr", label: "Interactive Brokers (Flex query)" },
  { id: "traderepublic", label: "Trade Republic" },
];

export const TRANSACTION_TYPES: readonly TransactionType[] = [
  "BUY",
  "SELL",
  "DIVIDEND",
  "REINVEST",
  "INTEREST",
  "FEE",
  "SPLIT",
  "DEPOSIT",
  "WITHDRAWAL",
  "TRANSFER_IN",
  "TRANSFER_OUT",
  "RETURN_OF_CAPITAL",
];

export type Errors = Record<string, string>;
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Errors };

export interface AccountDraft {
  name: string;
  type: AccountType;
  institution: string;
  currency: string;
  costBasisMethod: CostBasisMethod;
}

export const EMPTY_ACCOUNT: AccountDraft = { name: "", type: "TAXABLE", institution: "", currency: "USD", costBasisMethod: "FIFO" };

export function accountDraft(a: Account): AccountDraft {
  return { name: a.name, type: a.type, institution: a.institution ?? "", currency: a.currency, costBasisMethod: a.costBasisMethod };
}

/** The params of accounts.create / the changes of accounts.update, or inline errors. */
export function checkAccount(d: AccountDraft): Checked<AccountCreateParams> {
  const errors: Errors = {};
  const name = d.name.trim();
  if (!name) errors.name = "Give the account a name";
  else if (name.length > 200) errors.name = "Name is too long (200 characters at most)";
  const currency = d.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = "Currency is a three-letter code such as USD or EUR";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const value: AccountCreateParams = { name, type: d.type, currency, costBasisMethod: d.costBasisMethod };
  const institution = d.institution.trim();
  if (institution) value.institution = institution;
  return { ok: true, value };
}

export interface TransactionFilter {
  accountId: string;
  symbol: string;
  type: string;
  from: string;
  to: string;
}

export const NO_FILTER: TransactionFilter = { accountId: "", symbol: "", type: "", from: "", to: "" };
export const PAGE_SIZE = 5000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** ledger.transactions params for a filter and page, or inline errors. */
export function transactionParams(f: TransactionFilter, offset = 0, limit = PAGE_SIZE): Checked<TransactionsParams> {
  const errors: Errors = {};
  const params: TransactionsParams = { limit, offset };
  if (f.accountId) params.accountId = Number(f.accountId);
  if (f.symbol.trim()) params.symbol = f.symbol.trim().toUpperCase();
  if (f.type) params.type = f.type as TransactionType;
  for (const key of ["from", "to"] as const) {
    const v = f[key].trim();
    if (!v) continue;
    if (!isIsoDate(v)) errors[key] = "Use a date like 2024-12-31";
    else params[key] = v;
  }
  if (params.from && params.to && params.from > params.to) errors.to = "Must not be before the start date";
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: params };
}

/** Import batches seen in the loaded transactions, newest first, with their row counts. */
export function batchesOf(rows: readonly Transaction[]): { batchId: number; accountId: number; rows: number; first: string; last: string }[] {
  const map = new Map<number, { batchId: number; accountId: number; rows: number; first: string; last: string }>();
  for (const t of rows) {
    if (t.batchId === null || t.batchId === undefined) continue;
    const b = map.get(t.batchId);
    if (!b) map.set(t.batchId, { batchId: t.batchId, accountId: t.accountId, rows: 1, first: t.date, last: t.date });
    else {
      b.rows++;
      if (t.date < b.first) b.first = t.date;
      if (t.date > b.last) b.last = t.date;
    }
  }
  return [...map.values()].sort((a, b) => b.batchId - a.batchId);
}

// ---- exact decimals -------------------------------------------------------------------------

/** A decimal string as a scaled integer: value = int / 10^scale. */
interface Scaled {
  int: bigint;
  scale: number;
}

export function parseDecimal(text: string): Scaled | null {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text.replace(/,/g, ""));
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const frac = m[3] ?? "";
  const int = BigInt(`${m[1] === "-" ? "-" : ""}${m[2] || "0"}${frac}`);
  return { int, scale: frac.length };
}

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.int * 10n ** BigInt(scale - a.scale), b.int * 10n ** BigInt(scale - b.scale), scale];
}

function format({ int, scale }: Scaled): string {
  const negative = int < 0n;
  let digits = (negative ? -int : int).toString().padStart(scale + 1, "0");
  let frac = scale > 0 ? digits.slice(-scale) : "";
  digits = scale > 0 ? digits.slice(0, -scale) : digits;
  frac = frac.replace(/0+$/, "");
  const text = frac ? `${digits}.${frac}` : digits;
  return negative && text !== "0" ? `-${text}` : text;
}

/** Exact sum of decimal strings (unparseable ones count as an error, not as 0). */
export function sumDecimals(values: readonly string[]): string {
  let total: Scaled = { int: 0n, scale: 0 };
  for (const v of values) {
    const d = parseDecimal(v);
    if (!d) throw new Error(`not a decimal: ${v}`);
    const [x, y, scale] = align(total, d);
    total = { int: x + y, scale };
  }
  return format(total);
}

/** Sign of a − b for decimal strings. */
export function compareDecimals(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) throw new Error(`not a decimal: ${x ? b : a}`);
  const [p, q] = align(x, y);
  return p === q ? 0 : p < q ? -1 : 1;
}

export function isPositiveDecimal(text: string): boolean {
  const d = parseDecimal(text);
  return d !== null && d.int > 0n;
}

// ---- holdings, gains, lots, reconciliation ---------------------------------------------------

export function holdingsTotals(rows: readonly Holding[]): { costBasis: string; realizedGain: string } {
  return { costBasis: sumDecimals(rows.map((h) => h.costBasis)), realizedGain: sumDecimals(rows.map((h) => h.realizedGain)) };
}

/** Realized gains split by term, exact. */
export function realizedByTerm(rows: readonly Disposal[]): { SHORT: string; LONG: string; total: string; proceeds: string } {
  const of = (term: "SHORT" | "LONG") => sumDecimals(rows.filter((d) => d.term === term).map((d) => d.gain));
  return { SHORT: of("SHORT"), LONG: of("LONG"), total: sumDecimals(rows.map((d) => d.gain)), proceeds: sumDecimals(rows.map((d) => d.proceeds)) };
}

/** The day before an ISO date: open lots "as of" then are what a sale on `date` could choose from. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Checks a specific-lot choice for a sale of `quantity` shares: each amount positive and at most
 * the lot's remaining shares, and together exactly the sale. Blank amounts are left out.
 */
export function checkAssignment(quantity: string, lots: readonly Lot[], amounts: Readonly<Record<number, string>>): Checked<LotAssignment[]> {
  const errors: Errors = {};
  const chosen: LotAssignment[] = [];
  for (const lot of lots) {
    const text = (amounts[lot.lotId] ?? "").trim();
    if (!text) continue;
    if (!isPositiveDecimal(text)) errors[`lot-${lot.lotId}`] = "Enter a positive number of shares";
    else if (compareDecimals(text, lot.remaining) > 0) errors[`lot-${lot.lotId}`] = `Only ${lot.remaining} shares left in this lot`;
    else chosen.push({ lotId: lot.lotId, quantity: text.replace(/,/g, "") });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (chosen.length === 0) return { ok: false, errors: { lots: "Choose at least one lot" } };
  const total = sumDecimals(chosen.map((c) => c.quantity));
  const sale = quantity.replace(/^-/, "");
  if (compareDecimals(total, sale) !== 0) return { ok: false, errors: { lots: `The lots add up to ${total} shares; the sale sold ${sale}` } };
  return { ok: true, value: chosen };
}

/**
 * Parses what the broker reports, pasted one position a line: `SYMBOL, quantity[, cost basis]`
 * (commas, semicolons or tabs; a header line is skipped).
 */
export function parseReported(text: string): Checked<ReportedPosition[]> {
  const errors: Errors = {};
  const positions: ReportedPosition[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [symbol = "", quantity = "", cost = ""] = splitCells(line);
    if (i === 0 && !parseDecimal(quantity) && /symbol/i.test(symbol)) return;
    const where = `Line ${i + 1}`;
    if (!/^[A-Za-z0-9.\-^=/]{1,20}$/.test(symbol)) errors[`line${i + 1}`] = `${where}: "${symbol}" is not a symbol`;
    else if (!parseDecimal(quantity)) errors[`line${i + 1}`] = `${where}: quantity "${quantity}" is not a number`;
    else if (cost && !parseDecimal(cost)) errors[`line${i + 1}`] = `${where}: cost basis "${cost}" is not a number`;
    else if (seen.has(symbol.toUpperCase())) errors[`line${i + 1}`] = `${where}: ${symbol.toUpperCase()} is listed twice`;
    else {
      seen.add(symbol.toUpperCase());
      const p: ReportedPosition = { symbol: symbol.toUpperCase(), quantity: quantity.replace(/,/g, "") };
      if (cost) p.costBasis = cost.replace(/,/g, "");
      positions.push(p);
    }
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (positions.length === 0) return { ok: false, errors: { reported: "Paste at least one position" } };
  return { ok: true, value: positions };
}

/** Tabs or semicolons separate cells when present (so "1,234.5" survives); otherwise commas do. */
function splitCells(line: string): string[] {
  if (line.includes("\t")) return line.split("\t").map((c) => c.trim());
  if (line.includes(";")) return line.split(";").map((c) => c.trim());
  return line.split(",").map((c) => c.trim());
}

export function accountName(accounts: readonly Account[], id: number): string {
  return accounts.find((a) => a.id === id)?.name ?? `#${id}`;
}

import { describe, expect, it } from "vitest";
import type { Lot, Transaction } from "../generated/api";
import {
  batchesOf,
  checkAccount,
  checkAssignment,
  compareDecimals,
  dayBefore,
  EMPTY_ACCOUNT,
  holdingsTotals,
  isIsoDate,
  NO_FILTER,
  parseReported,
  realizedByTerm,
  sumDecimals,
  transactionParams,
} from "./ledger";

describe("account form", () => {
  it("trims, upper-cases the currency and leaves out an empty institution", () => {
    expect(checkAccount({ ...EMPTY_ACCOUNT, name: "  Schwab brokerage ", currency: "usd" })).toEqual({
      ok: true,
      value: { name: "Schwab brokerage", type: "TAXABLE", currency: "USD", costBasisMethod: "FIFO" },
    });
    expect(checkAccount({ ...EMPTY_ACCOUNT, name: "Roth", type: "ROTH_IRA", institution: "Fidelity", costBasisMethod: "SPECIFIC" })).toMatchObject({
      ok: true,
      value: { institution: "Fidelity", type: "ROTH_IRA", costBasisMethod: "SPECIFIC" },
    });
  });

  it("names the bad fields", () => {
    expect(checkAccount({ ...EMPTY_ACCOUNT, name: " ", currency: "US" })).toEqual({
      ok: false,
      errors: { name: "Give the account a name", currency: "Currency is a three-letter code such as USD or EUR" },
    });
  });
});

describe("transaction filters", () => {
  it("turns a filter into ledger.transactions params", () => {
    expect(transactionParams({ accountId: "3", symbol: " vti ", type: "BUY", from: "2024-01-01", to: "2024-12-31" }, 5000, 100)).toEqual({
      ok: true,
      value: { accountId: 3, symbol: "VTI", type: "BUY", from: "2024-01-01", to: "2024-12-31", offset: 5000, limit: 100 },
    });
    expect(transactionParams(NO_FILTER)).toEqual({ ok: true, value: { offset: 0, limit: 5000 } });
  });

  it("rejects impossible dates and a reversed range", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("12/31/2024")).toBe(false);
    expect(transactionParams({ ...NO_FILTER, from: "2024-13-01" })).toEqual({ ok: false, errors: { from: "Use a date like 2024-12-31" } });
    expect(transactionParams({ ...NO_FILTER, from: "2024-05-01", to: "2024-04-01" })).toEqual({ ok: false, errors: { to: "Must not be before the start date" } });
  });

  it("groups loaded rows into import batches, newest first", () => {
    const t = (id: number, batchId: number | null, date: string) => ({ id, accountId: 1, batchId, date }) as Transaction;
    expect(batchesOf([t(1, 7, "2024-03-01"), t(2, 9, "2024-05-01"), t(3, 7, "2024-01-15"), t(4, null, "2024-02-02")])).toEqual([
      { batchId: 9, accountId: 1, rows: 1, first: "2024-05-01", last: "2024-05-01" },
      { batchId: 7, accountId: 1, rows: 2, first: "2024-01-15", last: "2024-03-01" },
    ]);
  });
});

describe("exact decimals", () => {
  it("adds without float rounding", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["1234567890123456789.01", "0.99"])).toBe("1234567890123456790");
    expect(sumDecimals(["-5.5", "2.25"])).toBe("-3.25");
    expect(sumDecimals([])).toBe("0");
    expect(() => sumDecimals(["abc"])).toThrow("not a decimal");
  });

  it("compares decimals of any scale", () => {
    expect(compareDecimals("10", "9.999999999")).toBe(1);
    expect(compareDecimals("1.50", "1.5")).toBe(0);
    expect(compareDecimals("-2", "1")).toBe(-1);
  });

  it("totals holdings and splits realized gains by term", () => {
    expect(holdingsTotals([{ costBasis: "100.10", realizedGain: "-3.05" }, { costBasis: "0.20", realizedGain: "10" }] as never)).toEqual({ costBasis: "100.3", realizedGain: "6.95" });
    const d = (gain: string, term: "SHORT" | "LONG", proceeds = "1") => ({ gain, term, proceeds }) as never;
    expect(realizedByTerm([d("10.10", "SHORT"), d("-2.05", "SHORT"), d("100", "LONG", "500.5")])).toEqual({ SHORT: "8.05", LONG: "100", total: "108.05", proceeds: "502.5" });
  });
});

describe("specific-lot assignment", () => {
  const lots = [
    { lotId: 1, acquired: "2020-01-02", quantity: "10", remaining: "10", costPerShare: "100", costBasis: "1000" },
    { lotId: 2, acquired: "2021-06-01", quantity: "5", remaining: "2.5", costPerShare: "150", costBasis: "375" },
  ] as Lot[];

  it("accepts lots that add up to the sale exactly", () => {
    expect(checkAssignment("-7.5", lots, { 1: "5", 2: "2.5" })).toEqual({ ok: true, value: [{ lotId: 1, quantity: "5" }, { lotId: 2, quantity: "2.5" }] });
  });

  it("refuses more than a lot holds, a wrong total, and nothing chosen", () => {
    expect(checkAssignment("3", lots, { 2: "3" })).toEqual({ ok: false, errors: { "lot-2": "Only 2.5 shares left in this lot" } });
    expect(checkAssignment("3", lots, { 1: "2" })).toEqual({ ok: false, errors: { lots: "The lots add up to 2 shares; the sale sold 3" } });
    expect(checkAssignment("3", lots, {})).toEqual({ ok: false, errors: { lots: "Choose at least one lot" } });
    expect(checkAssignment("3", lots, { 1: "0" })).toEqual({ ok: false, errors: { "lot-1": "Enter a positive number of shares" } });
  });

  it("looks at the lots open the day before the sale", () => {
    expect(dayBefore("2024-03-01")).toBe("2024-02-29");
    expect(dayBefore("2025-01-01")).toBe("2024-12-31");
  });
});

describe("reconciliation input", () => {
  it("reads pasted positions with commas, tabs or semicolons and skips a header", () => {
    expect(parseReported("Symbol,Quantity,Cost\nvti, 120, 24000.00\nAAPL\t10\nBRK.B;3;900")).toEqual({
      ok: true,
      value: [
        { symbol: "VTI", quantity: "120", costBasis: "24000.00" },
        { symbol: "AAPL", quantity: "10" },
        { symbol: "BRK.B", quantity: "3", costBasis: "900" },
      ],
    });
  });

  it("names the bad line", () => {
    expect(parseReported("VTI, ten")).toEqual({ ok: false, errors: { line1: 'Line 1: quantity "ten" is not a number' } });
    expect(parseReported("VTI, 1\nvti, 2")).toEqual({ ok: false, errors: { line2: "Line 2: VTI is listed twice" } });
    expect(parseReported(" \n")).toEqual({ ok: false, errors: { reported: "Paste at least one position" } });
  });
});

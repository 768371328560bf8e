import { describe, expect, it } from "vitest";
import { groupDecimal, formatCompact, formatPercent, formatMoney, formatQuantity } from "./format";
import {
  DEFAULT_DRAFT,
  fanData,
  fieldForServerPath,
  historicalSeries,
  sensitivityValues,
  toConfig,
  toHistorical,
  type PlanDraft,
} from "./planner";

const draft = (patch: Partial<PlanDraft>): PlanDraft => ({ ...DEFAULT_DRAFT, ...patch });

describe("planner config", () => {
  it("turns the default draft into the issue's example config (percentages become fractions)", () => {
    const v = toConfig(DEFAULT_DRAFT);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value).toMatchObject({
      initialPortfolio: 1_000_000,
      years: 30,
      trials: 10_000,
      seed: 42,
      allocation: { stocks: 0.6 },
      returns: { model: "parametric", stocks: { mean: 0.07, stdev: 0.17 }, bonds: { mean: 0.025, stdev: 0.06 }, correlation: 0.1 },
      withdrawal: { strategy: "constantDollar", rate: 0.04 },
      withdrawalTiming: "start",
      nominal: false,
    });
    expect(v.value.allocation.bonds).toBeCloseTo(0.4, 12);
    expect(v.value.fees).toBeCloseTo(0.002, 12);
    // constantDollar sends no fields of the other strategies (the engine rejects them)
    expect(v.value.withdrawal).not.toHaveProperty("guardrail");
    expect(v.value.withdrawal).not.toHaveProperty("floor");
  });

  it("sends only the fields of the chosen returns model and strategy", () => {
    const v = toConfig(draft({ model: "bootstrap", strategy: "guytonKlinger", rate: "5", from: "1926", to: "1995" }));
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.returns).toEqual({ model: "bootstrap", blockYears: 5, from: 1926, to: 1995 });
    expect(v.value.withdrawal).toEqual({ strategy: "guytonKlinger", rate: 0.05, guardrail: 0.2, adjustment: 0.1 });
    const cp = toConfig(draft({ strategy: "constantPercentage", floor: "30,000", ceiling: "" }));
    expect(cp.ok && cp.value.withdrawal).toEqual({ strategy: "constantPercentage", rate: 0.04, floor: 30000 });
  });

  it("names every bad field inline, with the engine's rules", () => {
    const v = toConfig(
      draft({ years: "0", trials: "2000000", rate: "-1", stocks: "120", correlation: "x", fees: "", strategy: "constantPercentage", floor: "50", ceiling: "10" }),
    );
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors).toEqual({
      years: "Years must be at least 1",
      trials: "Trials must be at most 1000000",
      rate: "Withdrawal rate must be at least 0",
      stocks: "Stocks must be at most 100",
      correlation: "Correlation must be a number",
      fees: "Fees is required",
      ceiling: "Ceiling must not be below the floor",
    });
  });

  it("checks life events against the plan's length", () => {
    const v = toConfig(
      draft({
        years: "30",
        events: [
          { type: "expense", year: "31", amount: "1000", untilYear: "" },
          { type: "income", year: "10", amount: "20000", untilYear: "5" },
          { type: "windfall", year: "3", amount: "-1", untilYear: "9" },
          { type: "income", year: "10", amount: "20000", untilYear: "25" },
        ],
      }),
    );
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors).toEqual({
      "event0.year": "Year is after the last year (30)",
      "event1.untilYear": "Until year must not be before the year",
      "event2.amount": "Amount must be at least 0",
    });
    const ok = toConfig(draft({ events: [{ type: "windfall", year: "3", amount: "100000", untilYear: "9" }, { type: "income", year: "10", amount: "20000", untilYear: "25" }] }));
    expect(ok.ok && ok.value.lifeEvents).toEqual([
      { year: 3, type: "windfall", amount: 100000 },
      { year: 10, type: "income", amount: 20000, untilYear: 25 },
    ]);
  });

  it("builds historical params and refuses a window shorter than the plan", () => {
    const v = toHistorical(draft({ mode: "historical", from: "1926", to: "1995", timing: "end", stocks: "75" }));
    expect(v.ok && v.value).toMatchObject({ years: 30, from: 1926, to: 1995, withdrawalTiming: "end", allocation: { stocks: 0.75, bonds: 0.25 } });
    const short = toHistorical(draft({ from: "1990", to: "2010" }));
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.errors.years).toContain("fewer than 30 years");
    const reversed = toHistorical(draft({ from: "2000", to: "1950" }));
    expect(!reversed.ok && reversed.errors.to).toBe("Last year must not be before the first year");
  });

  it("maps the engine's error paths to inputs", () => {
    expect(fieldForServerPath("config.withdrawal.rate")).toBe("rate");
    expect(fieldForServerPath("config.allocation")).toBe("stocks");
    expect(fieldForServerPath("config.returns.stocks.stdev")).toBe("stocksStdev");
    expect(fieldForServerPath("config.returns.from")).toBe("from");
    expect(fieldForServerPath("config.lifeEvents[1].untilYear")).toBe("event1.untilYear");
    expect(fieldForServerPath("years")).toBe("years");
    expect(fieldForServerPath("config.returns.model")).toBeNull();
    expect(fieldForServerPath(undefined)).toBeNull();
  });
});

describe("planner charts", () => {
  it("shapes percentiles into fan-chart input with year 0..years", () => {
    const row = (k: number) => [k, k + 1, k + 2];
    const { x, percentiles } = fanData({
      years: 2,
      percentiles: { p5: row(5), p10: row(10), p25: row(25), p50: row(50), p75: row(75), p90: row(90), p95: row(95) },
    });
    expect(x).toEqual([0, 1, 2]);
    expect(Object.keys(percentiles).map(Number).sort((a, b) => a - b)).toEqual([5, 10, 25, 50, 75, 90, 95]);
    expect(percentiles[75]).toEqual([75, 76, 77]);
  });

  it("sweeps withdrawal rates around the plan's own rate, sorted and unique", () => {
    const config = toConfig(draft({ rate: "4.25" }));
    if (!config.ok) throw new Error("bad draft");
    const values = sensitivityValues("withdrawal.rate", config.value);
    expect(values[0]).toBe(0.02);
    expect(values.at(-1)).toBe(0.09);
    expect(values).toContain(0.0425);
    expect(values.filter((v) => v === 0.04)).toHaveLength(1);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(values.length).toBeLessThanOrEqual(50);
  });

  it("keeps swept retirement lengths long enough for every life event", () => {
    const config = toConfig(draft({ years: "30", events: [{ type: "income", year: "10", amount: "1", untilYear: "22" }] }));
    if (!config.ok) throw new Error("bad draft");
    expect(sensitivityValues("years", config.value)).toEqual([25, 30, 35, 40, 45, 50]);
    expect(sensitivityValues("allocation.stocks", config.value)).toHaveLength(11);
  });

  it("orders historical periods by start year and lists the failures", () => {
    const s = historicalSeries([
      { startYear: 1966, success: false, terminal: 0 },
      { startYear: 1929, success: true, terminal: 5 },
      { startYear: 1937, success: false, terminal: 0 },
    ]);
    expect(s).toEqual({ x: [1929, 1937, 1966], terminal: [5, 0, 0], failed: [1937, 1966] });
  });
});

describe("formatting", () => {
  it("groups exact decimals without rounding and formats percentages and axes", () => {
    expect(groupDecimal("1234567.123456789")).toBe("1,234,567.123456789");
    expect(groupDecimal("-1000")).toBe("-1,000");
    expect(formatMoney("12.5")).toBe("12.50");
    expect(formatMoney("1200.600000")).toBe("1,200.60");
    expect(formatMoney("0.123400")).toBe("0.1234");
    expect(formatMoney("-7")).toBe("-7.00");
    expect(formatQuantity("5.00000000")).toBe("5");
    expect(formatQuantity("1234.50")).toBe("1,234.5");
    expect(formatMoney(1234.5)).toBe("1,234.50");
    expect(formatPercent(0.8734)).toBe("87.3%");
    expect(formatCompact(1_234_567)).toBe("1.23M");
    expect(formatCompact(45_000)).toBe("45K");
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import type uPlot from "uplot";
import type { Performance, Result, ValuePoint } from "../generated/api";
import { byTestId, click, fakeClient, fakeServices, flush, mount, queryTestId, type Mounted } from "../test-support";
import { allocationBars, negate, performanceRows, periodStart, todaysChange } from "./dashboard";

const plots: { opts: uPlot.Options; data: uPlot.AlignedData }[] = [];
vi.mock("uplot", () => ({
  default: class FakePlot {
    constructor(
      readonly opts: uPlot.Options,
      readonly data: uPlot.AlignedData,
    ) {
      plots.push(this);
    }
    setData() {}
    setSize() {}
    destroy() {}
  },
}));
const { Dashboard } = await import("./Dashboard");

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  plots.length = 0;
});

const point = (date: string, value: string, flow = "0"): ValuePoint => ({ date, value, holdings: value, cash: "0", flow });
const performance: Performance = {
  from: "2023-06-30",
  to: "2024-06-28",
  currency: "USD",
  startValue: "100000",
  endValue: "120500.5",
  netFlows: "10000",
  twr: 0.0951,
  cagr: 0.0951,
  xirr: null,
  volatility: 0.153,
  maxDrawdown: -0.084,
  maxDrawdownPeak: "2024-03-28",
  maxDrawdownTrough: "2024-04-19",
  dividendIncome: "1234.5",
};

describe("dashboard logic", () => {
  it("starts periods on the right day", () => {
    expect(periodStart("1M", "2024-03-31")).toBe("2024-03-02");
    expect(periodStart("YTD", "2024-06-28")).toBe("2024-01-01");
    expect(periodStart("1Y", "2024-02-29")).toBe("2023-03-01");
    expect(periodStart("5Y", "2024-06-28")).toBe("2019-06-28");
    expect(periodStart("ALL", "2024-06-28")).toBeNull();
  });

  it("computes today's change net of money moved in, exactly", () => {
    expect(todaysChange([point("2024-06-27", "1000.10"), point("2024-06-28", "1520.30", "500")])).toEqual({ date: "2024-06-28", change: "20.2", rate: 20.2 / 1000.1 });
    expect(todaysChange([point("2024-06-28", "1")])).toBeNull();
    expect(todaysChange([point("2024-06-27", "0"), point("2024-06-28", "10", "10")])).toEqual({ date: "2024-06-28", change: "0", rate: null });
    expect(negate("-3.5")).toBe("3.5");
  });

  it("sorts allocation slices and folds the tail into Other", () => {
    const slices = ["5", "30", "1", "20", "2"].map((value, i) => ({ key: `k${i}`, label: `L${i}`, value, weight: Number(value) / 58 }));
    const bars = allocationBars(slices, 3);
    expect(bars.map((b) => b.label)).toEqual(["L1", "L3", "Other (3)"]);
    expect(bars[2]!.value).toBe("8");
    expect(bars[2]!.weight).toBeCloseTo(8 / 58, 12);
  });

  it("formats the performance table", () => {
    const rows = Object.fromEntries(performanceRows(performance).map((r) => [r.id, r.value]));
    expect(rows.twr).toBe("9.51%");
    expect(rows.xirr).toBe("—");
    expect(rows.maxDrawdown).toBe("-8.4% (2024-03-28 → 2024-04-19)");
    expect(rows.dividendIncome).toBe("1,234.50");
  });
});

describe("Dashboard page", () => {
  function dashboard(answers: Record<string, Result<unknown>>) {
    const client = fakeClient((method) => answers[method] ?? { ok: true, data: [] });
    mounted = mount(<Dashboard />, fakeServices(client));
    return { client, root: mounted.container };
  }
  const worth = {
    asOf: "2024-06-28",
    currency: "USD",
    total: "120500.5",
    holdings: "110000",
    cash: "10500.5",
    unrealizedGain: "15000",
    byAccount: [],
    byAssetClass: [],
    unpriced: ["XYZ"],
  };

  it("welcomes a new user with the first step", async () => {
    const { root } = dashboard({ "accounts.list": { ok: true, data: [] } });
    await flush();
    expect(byTestId(root, "empty-state").textContent).toContain("Create an account");
    expect(queryTestId(root, "dashboard-portfolio")).toBeNull();
  });

  it("shows net worth, today's change, the history chart, allocation and performance", async () => {
    const { client, root } = dashboard({
      "accounts.list": { ok: true, data: [{ id: 1, name: "B", type: "TAXABLE", currency: "USD", costBasisMethod: "FIFO" }] },
      "portfolio.netWorth": { ok: true, data: worth },
      "portfolio.history": { ok: true, data: [point("2024-06-27", "120000"), point("2024-06-28", "120500.5")] },
      "portfolio.performance": { ok: true, data: performance },
      "portfolio.allocation": { ok: true, data: [{ key: "etf", label: "ETF", value: "110000", weight: 0.9129 }, { key: "cash", label: "Cash", value: "10500.5", weight: 0.0871 }] },
    });
    await flush();
    expect(byTestId(root, "dashboard-networth").textContent).toBe("120,500.50");
    expect(byTestId(root, "dashboard-currency").textContent).toBe("in USD");
    expect(byTestId(root, "dashboard-today").textContent).toBe("+500.50 (0.42%)");
    expect(byTestId(root, "dashboard-unpriced").textContent).toContain("XYZ");
    expect(plots.at(-1)!.data[1]).toEqual([120000, 120500.5]);
    expect(root.querySelectorAll('[data-testid="allocation-bar"]')).toHaveLength(2);
    expect(byTestId(root, "performance-twr").textContent).toContain("9.51%");
    const from = (client.calls.find((c) => c.method === "portfolio.history")!.params as { from: string }).from;
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await click(byTestId(root, "dashboard-period-ALL"));
    expect(client.calls.filter((c) => c.method === "portfolio.history").at(-1)!.params).toEqual({});
  });

  it("asks for an import when the accounts are still empty", async () => {
    const { root } = dashboard({
      "accounts.list": { ok: true, data: [{ id: 1, name: "B", type: "TAXABLE", currency: "USD", costBasisMethod: "FIFO" }] },
      "portfolio.netWorth": { ok: true, data: { ...worth, total: "0", unpriced: [] } },
    });
    await flush();
    expect(byTestId(root, "empty-state").textContent).toContain("Nothing to value yet");
    expect(byTestId(root, "empty-state-action").getAttribute("href")).toBe("#/transactions");
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import type uPlot from "uplot";
import type { MarketSyncState, Result } from "../generated/api";
import { byTestId, click, fakeClient, fakeServices, flush, mount, queryTestId, type Mounted } from "../test-support";
import { ago, dateToSeconds, priceChartData, syncOverview } from "./market";

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
const { Market } = await import("./Market");

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  plots.length = 0;
});

const bar = (date: string, close: string) => ({ date, close });

describe("price chart data", () => {
  it("breaks the line on gap days, marks gaps at the last close and outliers at their close", () => {
    const d = priceChartData([bar("2024-01-02", "100"), bar("2024-01-05", "90.5"), bar("2024-01-04", "101")], {
      gaps: ["2024-01-03"],
      outliers: [{ date: "2024-01-05", logReturn: -0.11, score: 7 }],
    });
    expect(d.x).toEqual(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"].map(dateToSeconds));
    expect(d.close).toEqual([100, null, 101, 90.5]);
    expect(d.gaps).toEqual([null, 100, null, null]);
    expect(d.outliers).toEqual([null, null, null, 90.5]);
    expect(dateToSeconds("1970-01-02")).toBe(86400);
  });

  it("works before validation arrives", () => {
    expect(priceChartData([bar("2024-01-02", "1")], null)).toEqual({ x: [dateToSeconds("2024-01-02")], close: [1], gaps: [null], outliers: [null] });
  });
});

const state = (key: string, lastStatus: MarketSyncState["lastStatus"], lastSyncAt: string, from: string | null = "2020-01-02"): MarketSyncState => ({
  source: "yahoo",
  key,
  from,
  to: "2024-06-28",
  lastSyncAt,
  lastStatus,
  lastError: lastStatus === "failed" ? "HTTP 500" : null,
});

describe("sync overview", () => {
  it("finds the latest sync, the failures and the symbols with prices", () => {
    const o = syncOverview([state("VTI", "ok", "2024-06-28T21:00:00Z"), state("BAD", "failed", "2024-06-28T21:05:00Z", null), state("AAPL", "ok", "2024-06-27T21:00:00Z")]);
    expect(o.lastSyncAt).toBe("2024-06-28T21:05:00Z");
    expect(o.failed.map((s) => s.key)).toEqual(["BAD"]);
    expect(o.symbols).toEqual(["AAPL", "VTI"]);
    expect(syncOverview([]).lastSyncAt).toBeNull();
  });

  it("says how long ago", () => {
    const now = Date.parse("2024-06-28T12:00:00Z");
    expect(ago("2024-06-28T11:59:30Z", now)).toBe("just now");
    expect(ago("2024-06-28T11:55:00Z", now)).toBe("5 minutes ago");
    expect(ago("2024-06-28T09:00:00Z", now)).toBe("3 hours ago");
    expect(ago("2024-06-20T12:00:00Z", now)).toBe("8 days ago");
  });
});

describe("Market page", () => {
  function market(handler: (method: string) => Result<unknown> | undefined) {
    const client = fakeClient((method) => handler(method) ?? { ok: true, data: [] });
    const services = fakeServices(client);
    mounted = mount(<Market />, services);
    return { client, services, root: mounted.container };
  }

  it("shows an empty state before anything is held or synced", async () => {
    const { root } = market(() => undefined);
    await flush();
    expect(byTestId(root, "market-last-sync").textContent).toContain("Never synced");
    expect(byTestId(root, "empty-state").textContent).toContain("Import your transactions first");
  });

  it("charts the first held symbol with its validation and syncs on demand", async () => {
    const { client, root } = market((method) => {
      if (method === "market.syncState") return { ok: true, data: [state("VTI", "ok", new Date().toISOString())] };
      if (method === "market.prices") return { ok: true, data: [bar("2024-01-02", "100"), bar("2024-01-04", "101")] };
      if (method === "market.validate") return { ok: true, data: { symbol: "VTI", bars: 2, first: "2024-01-02", last: "2024-01-04", gaps: ["2024-01-03"], outliers: [], ohlcProblems: [] } };
      if (method === "market.syncPrices")
        return { ok: true, data: { ok: 1, notFound: 1, failed: 0, requests: 2, items: [{ key: "VTI", status: "ok", rows: 5, requests: 1 }, { key: "NOPE", status: "notFound", rows: 0, requests: 1 }] } };
      return undefined;
    });
    await flush();
    expect(byTestId(root, "market-last-sync").textContent).toContain("just now");
    expect(client.calls.find((c) => c.method === "market.prices")!.params).toEqual({ symbol: "VTI" });
    expect(byTestId(root, "market-gaps").textContent).toBe("1: 2024-01-03");
    expect(plots.at(-1)!.data[1]).toEqual([100, null, 101]);
    await click(byTestId(root, "market-sync"));
    expect(client.calls.some((c) => c.method === "market.syncPrices")).toBe(true);
    expect(byTestId(root, "market-sync-problems").textContent).toContain("NOPE");
    expect(queryTestId(root, "empty-state")).toBeNull();
  });
});

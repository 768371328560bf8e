import { afterEach, describe, expect, it, vi } from "vitest";
import { act } from "preact/test-utils";
import type uPlot from "uplot";
import type { Result, SimulationResult, SimulationRunSummary } from "../generated/api";
import { byTestId, click, fakeClient, fakeServices, flush, mount, queryTestId, type, type Mounted } from "../test-support";

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

const { Planner } = await import("./Planner");

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  plots.length = 0;
});

const band = (v: number) => [1_000_000, v, v];
const result: SimulationResult = {
  successRate: 0.873,
  percentiles: { p5: band(1), p10: band(2), p25: band(3), p50: band(4), p75: band(5), p90: band(6), p95: band(7) },
  medianTerminal: 1_234_567,
  depletionYears: [0, 1270],
  trials: 10_000,
  years: 2,
  elapsedMs: 9,
  exactPercentiles: true,
};

const storedRun: SimulationRunSummary = {
  runId: 7,
  createdAt: "2026-12-01T10:00:00Z",
  trials: 10_000,
  years: 2,
  successRate: 0.873,
  medianTerminal: 1_234_567,
  config: { initialPortfolio: 1_000_000, years: 2, trials: 10_000, allocation: { stocks: 0.6, bonds: 0.4 }, returns: { model: "bootstrap" }, withdrawal: { strategy: "constantDollar", rate: 0.04 } } as SimulationRunSummary["config"],
};

type Handler = (method: string, params: unknown) => Result<unknown> | Promise<Result<unknown>>;

/** The page lists stored runs on its own; tests that don't care get none. */
function planner(handler: Handler, runs: SimulationRunSummary[] = []) {
  const client = fakeClient((method, params) => (method === "simulation.runs" ? { ok: true, data: runs } : handler(method, params)));
  const services = fakeServices(client);
  mounted = mount(<Planner />, services);
  return { client, services, root: mounted.container, sent: () => client.calls.filter((c) => c.method !== "simulation.runs") };
}

const input = (root: HTMLElement, id: string) => byTestId<HTMLInputElement>(root, id);

async function submit(root: HTMLElement) {
  await click(byTestId(root, "planner-run"));
}

describe("Planner page", () => {
  it("runs the plan and shows success rate, median and the fan chart", async () => {
    const { sent, root } = planner(() => ({ ok: true, data: result }));
    await type(input(root, "planner-years"), "2");
    await submit(root);
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.method).toBe("simulation.run");
    expect((sent()[0]!.params as { config: { years: number; withdrawal: unknown } }).config).toMatchObject({ years: 2, withdrawal: { strategy: "constantDollar", rate: 0.04 } });
    expect(byTestId(root, "planner-success-rate").textContent).toBe("87.3%");
    expect(byTestId(root, "planner-median-terminal").textContent).toBe("1,234,567");
    expect(queryTestId(root, "planner-fan-chart")).not.toBeNull();
    const fan = plots.at(-1)!;
    expect(fan.data[0]).toEqual(Float64Array.from([0, 1, 2]));
    expect(fan.opts.bands).toHaveLength(3);
    expect(fan.opts.series.map((s) => s.label)).toEqual(["x", "p95", "p90", "p75", "p50", "p25", "p10", "p5"]);
    expect(root.textContent).toContain("1,270 of 10,000");
  });

  it("shows client-side errors inline and sends nothing", async () => {
    const { sent, root } = planner(() => ({ ok: true, data: result }));
    await type(input(root, "planner-rate"), "abc");
    await type(input(root, "planner-stocks"), "101");
    await submit(root);
    expect(sent()).toHaveLength(0);
    expect(byTestId(root, "planner-rate-error").textContent).toBe("Withdrawal rate must be a number");
    expect(byTestId(root, "planner-stocks-error").textContent).toBe("Stocks must be at most 100");
    expect(input(root, "planner-rate").getAttribute("aria-invalid")).toBe("true");
  });

  it("puts the engine's error next to the input its path names", async () => {
    const { root } = planner(() => ({ ok: false, error: { code: "INVALID_PARAMS", message: "is after the last year", field: "config.lifeEvents[0].untilYear" } }));
    await click(byTestId(root, "planner-add-event"));
    await type(input(root, "planner-event0-amount"), "5000");
    await submit(root);
    expect(byTestId(root, "planner-event0-untilYear-error").textContent).toBe("is after the last year");
  });

  it("shows unknown engine errors above the buttons", async () => {
    const { root } = planner(() => ({ ok: false, error: { code: "SIDECAR_UNAVAILABLE", message: "engine down" } }));
    await submit(root);
    expect(byTestId(root, "planner-form-error").textContent).toBe("SIDECAR_UNAVAILABLE: engine down");
  });

  it("shows progress while running and cancels the call", async () => {
    let seen: AbortSignal | undefined;
    const client = fakeClient((method) => (method === "simulation.runs" ? { ok: true, data: [] } : { ok: true, data: result }));
    client.api.simulation.run = (_p, options) => {
      seen = options?.signal;
      options?.onProgress?.({ done: 3, total: 10, message: null });
      return new Promise((resolve) => options?.signal?.addEventListener("abort", () => resolve({ ok: false, error: { code: "CANCELLED", message: "cancelled" } })));
    };
    const services = fakeServices(client);
    mounted = mount(<Planner />, services);
    const root = mounted.container;
    await act(() => byTestId(root, "planner-run").click());
    expect(byTestId(root, "planner-running").textContent).toContain("30%");
    expect(byTestId<HTMLButtonElement>(root, "planner-run").disabled).toBe(true);
    await click(byTestId(root, "planner-cancel"));
    expect(seen?.aborted).toBe(true);
    await flush();
    expect(queryTestId(root, "planner-running")).toBeNull();
    expect(services.toasts.get().map((t) => t.text)).toContain("Cancelled");
    expect(queryTestId(root, "planner-result")).toBeNull();
  });

  it("sweeps the withdrawal rate into a sensitivity chart and finds the safe rate", async () => {
    const { sent, root } = planner((method, params) => {
      if (method === "simulation.sensitivity") {
        const values = (params as { values: number[] }).values;
        return { ok: true, data: values.map((value) => ({ value, successRate: 1 - value * 5, p10Terminal: 0, medianTerminal: 1, p90Terminal: 2 })) };
      }
      return { ok: true, data: { rate: 0.0365, successRate: 0.9012, initialWithdrawal: 36_500, iterations: 14 } };
    });
    await click(byTestId(root, "planner-sensitivity-run"));
    const sweep = sent()[0]!.params as { parameter: string; values: number[] };
    expect(sweep.parameter).toBe("withdrawal.rate");
    expect(sweep.values).toContain(0.04);
    const chart = plots.at(-1)!;
    expect(chart.data[1]![0]).toBeCloseTo(90, 9);
    expect(byTestId(root, "planner-sensitivity-table").textContent).toContain("2%");

    await type(input(root, "planner-target"), "150");
    await click(byTestId(root, "planner-swr-run"));
    expect(byTestId(root, "planner-target-error").textContent).toContain("at most 100");
    await type(input(root, "planner-target"), "90");
    await click(byTestId(root, "planner-swr-run"));
    expect((sent().at(-1)!.params as { targetSuccess: number }).targetSuccess).toBe(0.9);
    expect(byTestId(root, "planner-swr-rate").textContent).toBe("3.65%");
  });

  it("replays history and marks the failed periods", async () => {
    const { sent, root } = planner(() => ({
      ok: true,
      data: {
        successRate: 0.5,
        from: 1926,
        to: 1995,
        periods: [
          { startYear: 1966, success: false, terminal: 0, depletedYear: 1990 },
          { startYear: 1926, success: true, terminal: 2_000_000 },
        ],
      },
    }));
    await click(byTestId(root, "planner-mode-historical"));
    await type(input(root, "planner-from"), "1926");
    await type(input(root, "planner-to"), "1995");
    await submit(root);
    expect(sent()[0]!.method).toBe("simulation.historical");
    expect(sent()[0]!.params).toMatchObject({ years: 30, from: 1926, to: 1995 });
    expect(byTestId(root, "planner-hist-success").textContent).toBe("50.0%");
    expect(byTestId(root, "planner-hist-failed").textContent).toBe("1");
    expect(plots.at(-1)!.data).toEqual([[1926, 1966], [2_000_000, 0], [null, 0]]);
    expect(queryTestId(root, "planner-sensitivity-run")).toBeNull();
  });

  it("exports the run it shows by its id, lists saved runs and deletes one", async () => {
    let runs = [storedRun];
    const { client, root } = planner(
      (method, params) => {
        if (method === "simulation.deleteRun") {
          runs = [];
          return { ok: true, data: { runId: (params as { runId: number }).runId } };
        }
        if (method === "dialogs.saveFile") return { ok: true, data: { path: "/home/me/run.csv", downloadUrl: null } };
        if (method === "data.export") return { ok: true, data: { path: "/home/me/run.csv", kind: "simulation", format: "csv", rows: 3, bytes: 10 } };
        return { ok: true, data: { ...result, runId: 7 } };
      },
      runs,
    );
    await flush();
    expect(byTestId(root, "planner-run-7").textContent).toContain("87.3%");
    await submit(root);
    const button = [...byTestId(root, "export-simulation-run").querySelectorAll("button")].find((b) => b.textContent === "Export simulation")!;
    await act(() => button.click());
    await flush();
    expect(client.calls.find((c) => c.method === "data.export")!.params).toEqual({ kind: "simulation", format: "csv", path: "/home/me/run.csv", filters: { runId: 7 } });

    client.api.simulation.runs = async () => ({ ok: true, data: runs });
    await click(byTestId(root, "planner-run-7").querySelector("button")!);
    await flush();
    expect(client.calls.at(-1)).toEqual({ method: "simulation.deleteRun", params: { runId: 7 } });
    expect(queryTestId(root, "planner-runs")).toBeNull();
  });
});

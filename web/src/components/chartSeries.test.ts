import { describe, expect, it } from "vitest";
import { areaSeries, fanChart } from "./chartSeries";

describe("fan chart helper", () => {
  it("orders percentiles high to low and pairs them into bands around the median", () => {
    const x = [2025, 2026, 2027];
    const fan = fanChart(x, {
      50: [100, 110, 120],
      5: [100, 90, 80],
      95: [100, 130, 160],
      25: [100, 100, 105],
      75: [100, 120, 135],
    });
    expect(fan.series.map((s) => s.label)).toEqual(["x", "p95", "p75", "p50", "p25", "p5"]);
    expect(fan.bands.map((b) => b.series)).toEqual([
      [1, 5],
      [2, 4],
    ]);
    expect(Array.from(fan.data[1] as ArrayLike<number>)).toEqual([100, 130, 160]);
    expect(fan.series[3]!.width).toBe(2); // the median is drawn
    expect(fan.series[1]!.width).toBe(0); // band edges are not
    expect(fan.bands[0]!.fill).not.toBe(fan.bands[1]!.fill);
  });

  it("rejects percentile arrays that do not match x", () => {
    expect(() => fanChart([1, 2], { 50: [1] })).toThrow(/percentile 50/);
  });

  it("builds filled area series", () => {
    expect(areaSeries("Net worth", "#123456", "rgba(0,0,0,0.1)")).toMatchObject({ label: "Net worth", fill: "rgba(0,0,0,0.1)" });
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { render, type VNode } from "preact";
import { act } from "preact/test-utils";
import type uPlot from "uplot";
import { byTestId, mount, type Mounted } from "../test-support";

const created: { opts: uPlot.Options; data: uPlot.AlignedData; destroy: ReturnType<typeof vi.fn>; setData: ReturnType<typeof vi.fn> }[] = [];
vi.mock("uplot", () => ({
  default: class FakePlot {
    destroy = vi.fn();
    setData = vi.fn();
    setSize = vi.fn();
    constructor(
      readonly opts: uPlot.Options,
      readonly data: uPlot.AlignedData,
    ) {
      created.push(this);
    }
  },
}));

const { Chart } = await import("./Chart");

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

describe("Chart", () => {
  it("creates one uPlot with the given series, pushes new data without rebuilding, destroys on unmount", () => {
    const options = { series: [{}, { label: "Net worth" }] };
    const first: uPlot.AlignedData = [
      [1, 2],
      [10, 20],
    ];
    mounted = mount(<Chart options={options} data={first} label="Net worth over time" height={200} />);
    expect(created).toHaveLength(1);
    expect(created[0]!.opts.height).toBe(200);
    expect(created[0]!.data).toBe(first);
    expect(created[0]!.setData).not.toHaveBeenCalled();
    expect(created[0]!.opts.series[1]!.label).toBe("Net worth");
    expect(byTestId(mounted.container, "chart").getAttribute("aria-label")).toBe("Net worth over time");

    const next: uPlot.AlignedData = [
      [1, 2, 3],
      [10, 20, 30],
    ];
    mounted = mountAgain(mounted, <Chart options={options} data={next} label="Net worth over time" height={200} />);
    expect(created).toHaveLength(1);
    expect(created[0]!.setData).toHaveBeenLastCalledWith(next);

    mounted.unmount();
    mounted = undefined;
    expect(created[0]!.destroy).toHaveBeenCalled();
  });
});

function mountAgain(m: Mounted, vnode: VNode): Mounted {
  act(() => render(vnode, m.container));
  return m;
}

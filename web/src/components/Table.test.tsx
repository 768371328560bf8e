import { afterEach, describe, expect, it } from "vitest";
import { act } from "preact/test-utils";
import { byTestId, click, mount, type Mounted } from "../test-support";
import { sortOrder, Table, visibleRange, type Column } from "./Table";

interface Row {
  id: number;
  name: string;
  amount: number | null;
}

const rows: Row[] = Array.from({ length: 100_000 }, (_, i) => ({
  id: i,
  name: `row ${i}`,
  amount: i % 1000 === 7 ? null : (i * 7919) % 100_003,
}));

const columns: Column<Row>[] = [
  { id: "name", header: "Name", value: (r) => r.name },
  { id: "amount", header: "Amount", value: (r) => r.amount, align: "right" },
];

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

function renderedNames(root: HTMLElement): string[] {
  return [...root.querySelectorAll('[data-testid="t-row"]')].map((r) => r.firstElementChild!.textContent ?? "");
}

describe("Table virtualization", () => {
  it("keeps only a window of 100,000 rows in the DOM", () => {
    mounted = mount(<Table rows={rows} columns={columns} label="Rows" testId="t" height={320} rowHeight={32} overscan={5} />);
    const rendered = mounted.container.querySelectorAll('[data-testid="t-row"]');
    // 10 visible + 5 overscan below (none above at the top)
    expect(rendered.length).toBe(15);
    expect(renderedNames(mounted.container)[0]).toBe("row 0");
    const spacer = byTestId(mounted.container, "t-viewport").firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe(`${100_000 * 32}px`);
    expect(byTestId(mounted.container, "t").getAttribute("aria-rowcount")).toBe("100001");
  });

  it("renders the rows at the scroll position", () => {
    mounted = mount(<Table rows={rows} columns={columns} label="Rows" testId="t" height={320} rowHeight={32} overscan={5} />);
    const viewport = byTestId(mounted.container, "t-viewport");
    act(() => {
      viewport.scrollTop = 50_000 * 32;
      viewport.dispatchEvent(new Event("scroll"));
    });
    const names = renderedNames(mounted.container);
    expect(names).toContain("row 50000");
    expect(names).toContain("row 50009");
    expect(names).not.toContain("row 0");
    expect(names.length).toBeLessThanOrEqual(20);
    const first = mounted.container.querySelector<HTMLElement>('[data-testid="t-row"]')!;
    expect(first.style.top).toBe(`${49_995 * 32}px`);
    expect(first.getAttribute("aria-rowindex")).toBe(String(49_995 + 2));
  });

  it("sorts by a column when its header is clicked, toggling direction", async () => {
    const small: Row[] = [
      { id: 1, name: "b", amount: 10 },
      { id: 2, name: "a", amount: null },
      { id: 3, name: "c", amount: 2 },
    ];
    mounted = mount(<Table rows={small} columns={columns} label="Rows" testId="t" />);
    expect(renderedNames(mounted.container)).toEqual(["b", "a", "c"]);

    await click(byTestId(mounted.container, "t-sort-amount"));
    expect(renderedNames(mounted.container)).toEqual(["c", "b", "a"]);
    expect(byTestId(mounted.container, "t-sort-amount").parentElement!.getAttribute("aria-sort")).toBe("ascending");

    await click(byTestId(mounted.container, "t-sort-amount"));
    expect(renderedNames(mounted.container)).toEqual(["b", "c", "a"]); // nulls stay last
    expect(byTestId(mounted.container, "t-sort-amount").parentElement!.getAttribute("aria-sort")).toBe("descending");

    await click(byTestId(mounted.container, "t-sort-name"));
    expect(renderedNames(mounted.container)).toEqual(["a", "b", "c"]);
  });

  it("sorts 100,000 rows and shows the smallest first", async () => {
    mounted = mount(<Table rows={rows} columns={columns} label="Rows" testId="t" height={320} />);
    await click(byTestId(mounted.container, "t-sort-amount"));
    const amounts = [...mounted.container.querySelectorAll('[data-testid="t-row"]')].map((r) => Number(r.children[1]!.textContent));
    expect(amounts[0]).toBe(0);
    expect([...amounts]).toEqual([...amounts].sort((a, b) => a - b));
  });
});

describe("sortOrder and visibleRange", () => {
  it("is stable and orders numbers numerically, strings naturally", () => {
    const data = ["item 10", "item 9", "Item 9", "item 1"];
    expect([...sortOrder(data, (s) => s, "asc")].map((i) => data[i])).toEqual(["item 1", "item 9", "Item 9", "item 10"]);
    const nums = [3, 20, 100, null];
    expect([...sortOrder(nums, (n) => n, "desc")]).toEqual([2, 1, 0, 3]);
  });

  it("clamps the window to the data", () => {
    expect(visibleRange(0, 320, 32, 5, 4)).toEqual([0, 5]);
    expect(visibleRange(3200, 320, 32, 1000, 2)).toEqual([98, 112]);
  });
});

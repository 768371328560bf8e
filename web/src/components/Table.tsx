import type { ComponentChildren } from "preact";
import { useMemo, useState } from "preact/hooks";

export type SortValue = string | number | boolean | null | undefined;
export type SortDirection = "asc" | "desc";

export interface Column<T> {
  id: string;
  header: string;
  /** The value sorted on (and shown, unless `render` is given). */
  value: (row: T) => SortValue;
  render?: (row: T) => ComponentChildren;
  align?: "left" | "right";
  /** A CSS grid track size, e.g. "1fr" or "8rem". */
  width?: string;
  sortable?: boolean;
}

export interface TableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  /** Accessible name of the table. */
  label: string;
  rowKey?: (row: T, index: number) => string | number;
  rowHeight?: number;
  /** Height of the scrolling body in px. */
  height?: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan?: number;
  initialSort?: { column: string; direction: SortDirection };
  empty?: ComponentChildren;
  testId?: string;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** Nulls last; numbers numerically; everything else by locale-aware string order. */
export function compareValues(a: SortValue, b: SortValue): number {
  const aMissing = a === null || a === undefined || a === "";
  const bMissing = b === null || b === undefined || b === "";
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

/** Row indices in display order (stable: ties keep their original order). */
export function sortOrder<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection): Uint32Array {
  const keys = rows.map(value);
  const order = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const sign = direction === "asc" ? 1 : -1;
  order.sort((x, y) => {
    const kx = keys[x];
    const ky = keys[y];
    const missing = (kx === null || kx === undefined || kx === "") !== (ky === null || ky === undefined || ky === "");
    const c = missing ? compareValues(kx, ky) : sign * compareValues(kx, ky);
    return c || x - y;
  });
  return order;
}

/** First and last (exclusive) row index to render for a scroll position. */
export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

/**
 * A sortable table that renders only the rows in view (plus `overscan`), so 100,000 rows scroll
 * as smoothly as 100. Rows have a fixed height.
 */
export function Table<T>(props: TableProps<T>) {
  const { rows, columns, label, rowHeight = 32, height = 480, overscan = 6, testId = "table" } = props;
  const [sort, setSort] = useState(props.initialSort ?? null);
  const [scrollTop, setScrollTop] = useState(0);

  const order = useMemo(() => {
    if (!sort) return null;
    const column = columns.find((c) => c.id === sort.column);
    return column ? sortOrder(rows, column.value, sort.direction) : null;
  }, [rows, columns, sort]);

  const template = columns.map((c) => c.width ?? "minmax(6rem, 1fr)").join(" ");
  const [first, last] = visibleRange(scrollTop, height, rowHeight, rows.length, overscan);

  const toggle = (id: string) =>
    setSort((current) =>
      current?.column === id
        ? { column: id, direction: current.direction === "asc" ? "desc" : "asc" }
        : { column: id, direction: "asc" },
    );

  const body: ComponentChildren[] = [];
  for (let position = first; position < last; position++) {
    const index = order ? (order[position] ?? position) : position;
    const row = rows[index] as T;
    body.push(
      <div
        key={props.rowKey ? props.rowKey(row, index) : index}
        role="row"
        class="table-row"
        aria-rowindex={position + 2}
        data-testid={`${testId}-row`}
        style={{ top: `${position * rowHeight}px`, height: `${rowHeight}px`, gridTemplateColumns: template }}
      >
        {columns.map((c) => (
          <div role="cell" class={c.align === "right" ? "table-cell num" : "table-cell"} key={c.id}>
            {c.render ? c.render(row) : formatCell(c.value(row))}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div class="table" role="table" aria-label={label} aria-rowcount={rows.length + 1} data-testid={testId}>
      <div role="rowgroup" class="table-head">
        <div role="row" class="table-row head" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => {
            const active = sort?.column === c.id;
            const ariaSort = active ? (sort.direction === "asc" ? "ascending" : "descending") : "none";
            return (
              <div role="columnheader" aria-sort={ariaSort} class={c.align === "right" ? "table-cell num" : "table-cell"} key={c.id}>
                {c.sortable === false ? (
                  c.header
                ) : (
                  <button type="button" class="sort-button" data-testid={`${testId}-sort-${c.id}`} onClick={() => toggle(c.id)}>
                    {c.header}
                    <span class="sort-indicator" aria-hidden="true">
                      {active ? (sort.direction === "asc" ? "▲" : "▼") : ""}
                    </span>
                  </button>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {rows.length === 0 ? (
        <div class="table-empty">{props.empty ?? "Nothing to show yet."}</div>
      ) : (
        <div
          role="rowgroup"
          class="table-viewport"
          tabIndex={0}
          aria-label={`${label}: scroll for more rows`}
          data-testid={`${testId}-viewport`}
          style={{ height: `${height}px` }}
          onScroll={(e) => setScrollTop((e.currentTarget as HTMLElement).scrollTop)}
        >
          <div class="table-spacer" style={{ height: `${rows.length * rowHeight}px` }}>
            {body}
          </div>
        </div>
      )}
    </div>
  );
}

function formatCell(value: SortValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface ChartProps {
  /** uPlot options without size; width follows the container. */
  options: Omit<uPlot.Options, "width" | "height">;
  data: uPlot.AlignedData;
  height?: number;
  /** Accessible description of what the chart shows. */
  label: string;
  testId?: string;
}

/** A uPlot chart that resizes with its container; new `data` is pushed without rebuilding. */
export function Chart({ options, data, height = 260, label, testId = "chart" }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shown = useRef<uPlot.AlignedData | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const chart = new uPlot({ ...options, width: el.clientWidth || 600, height }, data, el);
    shown.current = data;
    plot.current = chart;
    const observer =
      typeof ResizeObserver === "function"
        ? new ResizeObserver(() => chart.setSize({ width: el.clientWidth || 600, height }))
        : null;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // data is applied by the next effect; rebuild only when the options or height change
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options, height]);

  useEffect(() => {
    if (!plot.current || shown.current === data) return;
    shown.current = data;
    plot.current.setData(data);
  }, [data]);

  return <div class="chart" ref={host} role="img" aria-label={label} data-testid={testId} />;
}

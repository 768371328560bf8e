import type uPlot from "uplot";

/** A plain line. */
export function lineSeries(label: string, stroke: string, width = 2): uPlot.Series {
  return { label, stroke, width, points: { show: false } };
}

/** A line with the area under it filled. */
export function areaSeries(label: string, stroke: string, fill: string, width = 1.5): uPlot.Series {
  return { label, stroke, fill, width, points: { show: false } };
}

export interface FanChart {
  data: uPlot.AlignedData;
  series: uPlot.Series[];
  bands: uPlot.Band[];
}

/**
 * Percentile bands for a simulation ("fan chart"). `percentiles` maps a percentile (e.g. 5, 25,
 * 50, 75, 95) to its values at each x. Series go from the highest percentile down; each band
 * fills between a pair mirrored around the median (95–5, 75–25), inner bands darker. With an odd
 * number of percentiles the middle one is drawn as a line.
 */
export function fanChart(x: readonly number[], percentiles: Readonly<Record<number, readonly number[]>>, color = "#2f6fde"): FanChart {
  const keys = Object.keys(percentiles)
    .map(Number)
    .sort((a, b) => b - a);
  for (const k of keys) {
    if (percentiles[k]!.length !== x.length) throw new Error(`percentile ${k} has ${percentiles[k]!.length} values, x has ${x.length}`);
  }
  const data: uPlot.AlignedData = [Float64Array.from(x), ...keys.map((k) => Float64Array.from(percentiles[k]!))];
  const pairs = Math.floor(keys.length / 2);
  const series: uPlot.Series[] = [{ label: "x" }];
  keys.forEach((k, i) => {
    const isMedian = keys.length % 2 === 1 && i === pairs;
    series.push(isMedian ? lineSeries(`p${k}`, color, 2) : { label: `p${k}`, stroke: "transparent", width: 0, points: { show: false } });
  });
  const bands: uPlot.Band[] = [];
  for (let i = 0; i < pairs; i++) {
    const alpha = (0.12 + (0.2 * (i + 1)) / pairs).toFixed(2);
    bands.push({ series: [i + 1, keys.length - i], fill: withAlpha(color, alpha) });
  }
  return { data, series, bands };
}

function withAlpha(hex: string, alpha: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

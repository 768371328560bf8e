import type uPlot from "uplot";
import { useEffect, useState } from "preact/hooks";
import { useServices } from "../app/services";
import { useStore } from "../state/store";

export interface ChartColors {
  text: string;
  grid: string;
  accent: string;
  danger: string;
  ok: string;
}

const LIGHT: ChartColors = { text: "#1b1f24", grid: "#d5dae1", accent: "#2f5fd0", danger: "#b42318", ok: "#1d7a3a" };

/** The theme's colours, read from the CSS variables (a canvas cannot use `var(--x)` itself). */
export function readChartColors(root: HTMLElement = document.documentElement): ChartColors {
  const style = getComputedStyle(root);
  const pick = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: pick("--text", LIGHT.text),
    grid: pick("--border", LIGHT.grid),
    accent: pick("--accent", LIGHT.accent),
    danger: pick("--danger", LIGHT.danger),
    ok: pick("--ok", LIGHT.ok),
  };
}

/** Chart colours that follow the theme toggle and, for "system", the OS light/dark switch. */
export function useChartColors(): ChartColors {
  const { theme } = useServices();
  const choice = useStore(theme);
  const [scheme, setScheme] = useState(0);
  useEffect(() => {
    const query = typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    const onChange = () => setScheme((n) => n + 1);
    query?.addEventListener?.("change", onChange);
    return () => query?.removeEventListener?.("change", onChange);
  }, []);
  // Re-read after the theme attribute has been applied to <html>.
  const [colors, setColors] = useState(readChartColors);
  useEffect(() => setColors(readChartColors()), [choice, scheme]);
  return colors;
}

/** x and y axes in the theme's colours; `y` formats tick values. */
export function themedAxes(colors: ChartColors, y: (value: number) => string, x?: (value: number) => string): uPlot.Axis[] {
  const base = { stroke: colors.text, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid, width: 1 } };
  return [
    { ...base, ...(x ? { values: (_u: uPlot, ticks: number[]) => ticks.map(x) } : {}) },
    { ...base, size: 64, values: (_u: uPlot, ticks: number[]) => ticks.map(y) },
  ];
}

import { useRef, useState } from "preact/hooks";
import type { ExportFilters, ExportFormat, ExportKind } from "../generated/api";
import { useServices } from "../app/services";

const FORMATS: readonly ExportFormat[] = ["csv", "json", "parquet"];
const FORMAT_NAMES: Record<ExportFormat, string> = { csv: "CSV", json: "JSON", parquet: "Parquet" };

export interface ExportButtonProps {
  kind: ExportKind;
  filters?: ExportFilters;
  /** The file name the save dialog suggests, without extension (default: the kind). */
  baseName?: string;
  /** Tells apart several buttons of one kind on a page (default: `export-<kind>`). */
  testId?: string;
}

/**
 * Export a table: pick a format, choose where in the save dialog (a cancelled dialog writes
 * nothing), then `data.export` with progress and a Cancel button. In browser mode the finished
 * file comes back as a download.
 */
/** What each button says it exports, so several on one page stay apart. */
const KIND_NAMES: Record<ExportKind, string> = {
  transactions: "transactions",
  holdings: "holdings",
  lots: "open lots",
  realized: "realized gains",
  netWorthHistory: "net worth history",
  prices: "prices",
  simulation: "simulation",
};

export function ExportButton({ kind, filters, baseName, testId }: ExportButtonProps) {
  const { client, toasts } = useServices();
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [percent, setPercent] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    const chosen = await client.api.dialogs.saveFile({
      title: `Export ${kind}`,
      suggestedName: `${baseName ?? kind}.${format}`,
      filters: [{ name: FORMAT_NAMES[format], extensions: [format] }],
    });
    if (!chosen.ok) {
      toasts.error(chosen.error);
      return;
    }
    const path = chosen.data.path;
    if (!path) return; // the user cancelled the dialog
    const controller = new AbortController();
    abort.current = controller;
    setPercent(0);
    const result = await client.api.data.export(
      { kind, format, path, filters: filters ?? null },
      {
        signal: controller.signal,
        onProgress: (p) => setPercent(p.total > 0 ? Math.round((100 * p.done) / p.total) : 0),
      },
    );
    abort.current = null;
    setPercent(null);
    if (!result.ok) {
      if (result.error.code !== "CANCELLED") toasts.error(result.error);
      return;
    }
    toasts.info(`Exported ${result.data.rows} rows to ${result.data.path}`);
    const url = chosen.data.downloadUrl;
    if (url) {
      const link = document.createElement("a");
      link.href = url;
      link.download = `${baseName ?? kind}.${format}`;
      document.body.appendChild(link);
      link.click();
      link.remove();
    }
  };

  return (
    <span class="export-button" data-testid={testId ?? `export-${kind}`}>
      <select
        aria-label={`Export ${kind} format`}
        value={format}
        disabled={percent !== null}
        onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ExportFormat)}
      >
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {FORMAT_NAMES[f]}
          </option>
        ))}
      </select>
      {percent === null ? (
        <button type="button" onClick={() => void run()}>
          Export {KIND_NAMES[kind]}
        </button>
      ) : (
        <>
          <progress max={100} value={percent} aria-label={`Exporting ${kind}`} />
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </>
      )}
    </span>
  );
}

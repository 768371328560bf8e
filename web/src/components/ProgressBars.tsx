import { useServices } from "../app/services";
import { visibleProgress } from "../state/progress";
import { useStore } from "../state/store";

/** Bars for every call in flight that has reported progress. */
export function ProgressBars() {
  const { client } = useServices();
  const entries = visibleProgress(useStore(client.progress));
  if (entries.length === 0) return null;
  return (
    <div class="progress-list" aria-live="polite" data-testid="progress-list">
      {entries.map((e) => {
        const label = e.message ?? e.method;
        return (
          <div class="progress-item" key={e.requestId} data-testid="progress-bar" data-request-id={e.requestId}>
            <span class="progress-label">
              {label} — {e.done} / {e.total}
            </span>
            <progress max={e.total} value={e.done} aria-label={label} />
          </div>
        );
      })}
    </div>
  );
}

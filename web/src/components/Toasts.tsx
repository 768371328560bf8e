import { useServices } from "../app/services";
import { useStore } from "../state/store";

export function Toasts() {
  const { toasts } = useServices();
  const list = useStore(toasts);
  return (
    <div class="toasts" aria-live="polite" data-testid="toasts">
      {list.map((t) => (
        <div key={t.id} class={`toast ${t.kind}`} role={t.kind === "error" ? "alert" : "status"} data-testid="toast" data-kind={t.kind}>
          <span>{t.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick={() => toasts.dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

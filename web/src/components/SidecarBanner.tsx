import { useState } from "preact/hooks";
import { useServices } from "../app/services";
import { TROUBLED_STATES } from "../state/sidecar";
import { useStore } from "../state/store";

/** Shown while the analytics engine (sidecar) is restarting or has failed, or the shell is unreachable. */
export function SidecarBanner() {
  const { sidecar, client, toasts } = useServices();
  const status = useStore(sidecar.status);
  const [retrying, setRetrying] = useState(false);
  if (!TROUBLED_STATES.has(status.state)) return null;

  const retry = async () => {
    setRetrying(true);
    if (client.more.sidecar.canRestart()) {
      const result = await client.more.sidecar.restart();
      if (!result.ok) toasts.error(result.error);
    }
    await sidecar.refresh();
    setRetrying(false);
  };

  const headline =
    status.state === "RESTARTING"
      ? "The analytics engine stopped and is restarting…"
      : status.state === "FAILED"
        ? "The analytics engine has stopped."
        : "Lost the connection to PortfolioOS. Is the app still running?";

  return (
    <div class={`banner ${status.state.toLowerCase()}`} role="alert" data-testid="sidecar-banner" data-state={status.state}>
      <div>
        <strong>{headline}</strong>
        {status.failure && (
          <span class="banner-reason" data-testid="sidecar-banner-reason">
            {" "}
            Reason: {status.failure}
          </span>
        )}
        {status.restarts > 0 && status.state !== "DISCONNECTED" && (
          <span class="banner-restarts"> (restarts: {status.restarts})</span>
        )}
      </div>
      {status.state !== "RESTARTING" && (
        <button type="button" class="button" data-testid="sidecar-retry" disabled={retrying} onClick={() => void retry()}>
          {retrying ? "Retrying…" : "Retry"}
        </button>
      )}
    </div>
  );
}

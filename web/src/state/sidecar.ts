import type { SystemInfo } from "../generated/api";
import type { Client } from "../ipc/client";
import { errorText } from "../ipc/result";
import { createStore, type Store } from "./store";

/** The sidecar's lifecycle as the shell reports it, plus DISCONNECTED when the shell itself is unreachable. */
export interface SidecarStatus {
  state: string;
  restarts: number;
  failure: string | null;
  info: SystemInfo | null;
}

export interface SidecarMonitor {
  status: Store<SidecarStatus>;
  /** Asks the shell now (also done every interval). */
  refresh(): Promise<void>;
  start(): void;
  stop(): void;
}

/** States in which the banner is shown. */
export const TROUBLED_STATES = new Set(["RESTARTING", "FAILED", "DISCONNECTED"]);

/**
 * Follows the sidecar through `system.info` polling and the `sidecar` stream event, whichever
 * arrives first.
 */
export function createSidecarMonitor(client: Pick<Client, "api" | "events">, intervalMs = 2000): SidecarMonitor {
  const status = createStore<SidecarStatus>({ state: "UNKNOWN", restarts: 0, failure: null, info: null });
  let timer: ReturnType<typeof setInterval> | undefined;
  let offEvents: (() => void) | undefined;

  const refresh = async () => {
    const result = await client.api.system.info({});
    if (result.ok) {
      const shell = result.data.shell;
      status.update((current) => ({
        state: shell?.sidecarState ?? (result.data.sidecar ? "RUNNING" : current.state),
        restarts: shell?.sidecarRestarts ?? current.restarts,
        failure: shell?.sidecarFailure ?? null,
        info: result.data,
      }));
    } else if (result.error.code === "SIDECAR_UNAVAILABLE" || result.error.code === "UNAUTHORIZED") {
      status.update((current) => ({ ...current, state: "DISCONNECTED", failure: errorText(result.error) }));
    }
  };

  return {
    status,
    refresh,
    start() {
      if (timer !== undefined) return;
      offEvents = client.events.on("sidecar", (event) =>
        status.update((current) => ({
          ...current,
          state: event.state,
          restarts: typeof event.restarts === "number" ? event.restarts : current.restarts,
          failure: event.failure ?? null,
        })),
      );
      void refresh();
      timer = setInterval(() => void refresh(), intervalMs);
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      offEvents?.();
      offEvents = undefined;
    },
  };
}

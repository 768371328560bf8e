import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Client } from "../ipc/client";
import type { SidecarMonitor } from "../state/sidecar";
import type { Store } from "../state/store";
import type { ThemeChoice } from "../state/theme";
import type { Toasts } from "../state/toasts";

/** What every page and component reaches through context (fakes in tests). */
export interface Services {
  client: Client;
  sidecar: SidecarMonitor;
  toasts: Toasts;
  theme: Store<ThemeChoice> & { choose(choice: ThemeChoice): void };
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("ServicesContext is missing");
  return services;
}

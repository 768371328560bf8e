// Helpers for component tests (not part of the app bundle: only *.test.tsx import this).
import { render, type VNode } from "preact";
import { act } from "preact/test-utils";
import type { Result, Transport } from "./generated/api";
import { App } from "./app/App";
import { ServicesContext, type Services } from "./app/services";
import { clientFrom, type Client } from "./ipc/client";
import { createEventHub } from "./ipc/events";
import type { Uploader } from "./ipc/http";
import { createProgressStore } from "./state/progress";
import { createSidecarMonitor } from "./state/sidecar";
import { createTheme } from "./state/theme";
import { createToasts } from "./state/toasts";

export type Handler = (method: string, params: unknown) => Result<unknown> | Promise<Result<unknown>>;

export interface FakeClient extends Client {
  calls: { method: string; params: unknown }[];
}

/** A client whose transport answers with `handler`; every planned method counts as available unless `has` says otherwise. */
export function fakeClient(handler: Handler, has: (method: string) => boolean = () => true): FakeClient {
  const calls: { method: string; params: unknown }[] = [];
  const transport: Transport = async (method, params) => {
    calls.push({ method, params });
    return handler(method, params);
  };
  const upload: Uploader = async (file) => ({ ok: true, data: { path: `/uploads/${file.name}` } });
  const client = clientFrom("browser", transport, createEventHub(), createProgressStore(), upload, () => undefined, has);
  return Object.assign(client, { calls });
}

export function fakeServices(client: Client): Services {
  return {
    client,
    sidecar: createSidecarMonitor(client, 60_000),
    toasts: createToasts({ info: 60_000, error: 60_000 }),
    theme: createTheme(null),
  };
}

export interface Mounted {
  container: HTMLElement;
  unmount(): void;
}

export function mount(vnode: VNode, services?: Services): Mounted {
  const container = document.createElement("div");
  document.body.appendChild(container);
  act(() => {
    render(services ? <ServicesContext.Provider value={services}>{vnode}</ServicesContext.Provider> : vnode, container);
  });
  return {
    container,
    unmount() {
      act(() => render(null, container));
      container.remove();
    },
  };
}

export function mountApp(services: Services): Mounted {
  return mount(<App services={services} />);
}

/** Lets pending promises and the resulting re-renders run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export function byTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const el = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no element with data-testid="${id}"`);
  return el;
}

export function queryTestId(root: ParentNode, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
}

export async function click(el: HTMLElement): Promise<void> {
  await act(() => {
    el.click();
  });
  await flush();
}

export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

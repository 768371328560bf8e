import { createApi, type Api, type Transport } from "../generated/api";
import { createProgressStore, type ProgressStore } from "../state/progress";
import { connectCefEvents, createCefTransport, type CefQuery, type CefQueryCancel } from "./cef";
import { createEventHub, type EventHub } from "./events";
import {
  connectEventStream,
  createHttpUploader,
  type EventSourceFactory,
  type Uploader,
} from "./http";
import { createHttpTransport } from "./http";
import { createPlannedApi, type PlannedApi } from "./planned";
import { failure } from "./result";
import { takeToken, type TokenEnv } from "./token";

export type Mode = "desktop" | "browser";

/** Everything the UI needs to talk to the shell, whichever transport carries it. */
export interface Client {
  mode: Mode;
  api: Api;
  /** Shell methods the contract is still growing (see planned.ts). */
  more: PlannedApi;
  transport: Transport;
  events: EventHub;
  progress: ProgressStore;
  upload: Uploader;
  /** Stops the event stream. */
  close(): void;
}

export function clientFrom(
  mode: Mode,
  transport: Transport,
  events: EventHub,
  progress: ProgressStore,
  upload: Uploader,
  close: () => void,
  has?: (method: string) => boolean,
): Client {
  return { mode, api: createApi(transport), more: createPlannedApi(transport, has), transport, events, progress, upload, close };
}

export interface BrowserEnv extends TokenEnv {
  cefQuery?: CefQuery;
  cefQueryCancel?: CefQueryCancel;
}

export interface ConnectOptions {
  fetch?: typeof fetch;
  eventSource?: EventSourceFactory;
}

/**
 * Picks the transport: the JCEF bridge when `window.cefQuery` exists, otherwise HTTP with the
 * launch token. Returns null in browser mode when there is no token (the page was opened without
 * the link that `portfolioos serve` prints).
 */
export function connect(env: BrowserEnv, options: ConnectOptions = {}): Client | null {
  const events = createEventHub();
  const progress = createProgressStore();
  if (typeof env.cefQuery === "function") {
    const cefQuery = env.cefQuery.bind(env);
    const cancel = env.cefQueryCancel?.bind(env);
    const transport = createCefTransport({ hub: events, progress, cefQuery, ...(cancel ? { cefQueryCancel: cancel } : {}) });
    const close = connectCefEvents(events, cefQuery, cancel);
    // The window noted the paths of the files dragged over it: ask for this one's by name and
    // read it in place, instead of uploading a copy.
    const upload: Uploader = async (file) => {
      const r = await createApi(transport).dialogs.droppedFile({ name: file.name });
      if (!r.ok) return r;
      return r.data.path ? { ok: true, data: { path: r.data.path } } : failure("NOT_FOUND", `${file.name} was not found`);
    };
    return clientFrom("desktop", transport, events, progress, upload, close);
  }
  const token = takeToken(env);
  if (!token) return null;
  const transport = createHttpTransport({ hub: events, progress, token, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const close = connectEventStream(events, token, options.eventSource);
  return clientFrom("browser", transport, events, progress, createHttpUploader(token, options.fetch), close);
}

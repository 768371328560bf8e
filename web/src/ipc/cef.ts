import type { Transport } from "../generated/api";
import { runCall, type TransportDeps } from "./call";
import { emitStreamEvent, type EventHub } from "./events";
import { failure, parseResult, tryEnvelope } from "./result";

/** JCEF's CefMessageRouter page API (window.cefQuery / window.cefQueryCancel). */
export interface CefQueryRequest {
  request: string;
  persistent?: boolean;
  onSuccess: (response: string) => void;
  onFailure: (errorCode: number, errorMessage: string) => void;
}
export type CefQuery = (query: CefQueryRequest) => number;
export type CefQueryCancel = (queryId: number) => void;

declare global {
  interface Window {
    cefQuery?: CefQuery;
    cefQueryCancel?: CefQueryCancel;
  }
}

export interface CefTransportOptions extends TransportDeps {
  cefQuery: CefQuery;
  cefQueryCancel?: CefQueryCancel;
}

/**
 * Desktop mode: each call is one non-persistent query whose request is
 * `{"method","params","requestId"}` and whose success text is the `{ok,…}` envelope. A router
 * failure whose message is itself an envelope is passed through. Cancelling cancels the query
 * (the shell's onQueryCanceled maps it to the request id).
 */
export function createCefTransport(options: CefTransportOptions): Transport {
  return (method, params, callOptions) =>
    runCall(options, method, callOptions, (requestId) => {
      let queryId: number | undefined;
      const done = new Promise<ReturnType<typeof parseResult>>((resolve) => {
        queryId = options.cefQuery({
          request: JSON.stringify({ method, params: params ?? {}, requestId }),
          persistent: false,
          onSuccess: (response) => resolve(parseResult(response, method)),
          onFailure: (code, message) =>
            resolve(
              tryEnvelope(message) ??
                failure("INTERNAL", `${method} failed in the window bridge (${code}): ${message}`),
            ),
        });
      });
      return {
        done,
        cancel() {
          if (queryId !== undefined) options.cefQueryCancel?.(queryId);
        },
      };
    });
}

/**
 * Subscribes to the shell's event stream with one persistent query `{"subscribe":"events"}`;
 * each success text is `{"event": name, "data": …}`. Returns a closer.
 */
export function connectCefEvents(hub: EventHub, cefQuery: CefQuery, cefQueryCancel?: CefQueryCancel): () => void {
  let closed = false;
  let queryId: number | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const subscribe = () => {
    queryId = cefQuery({
      request: JSON.stringify({ subscribe: "events" }),
      persistent: true,
      onSuccess: (text) => {
        try {
          const message = JSON.parse(text) as { event?: unknown; data?: unknown };
          if (typeof message.event === "string") emitStreamEvent(hub, message.event, message.data);
        } catch {
          // A malformed event is dropped.
        }
      },
      onFailure: () => {
        hub.emit("connection", { connected: false });
        if (!closed) retry = setTimeout(subscribe, 1000);
      },
    });
    hub.emit("connection", { connected: true });
  };
  subscribe();
  return () => {
    closed = true;
    if (retry) clearTimeout(retry);
    if (queryId !== undefined) cefQueryCancel?.(queryId);
  };
}

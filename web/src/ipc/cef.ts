import type { Transport } from "../generated/api";
import { runCall, type TransportDeps } from "./call";
import { emitStreamEvent, type EventHub } from "./events";
import { failure, parseResult, tryEnvelope } from "./result";
import { newRequestId } from "./requestId";

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
 * Follows the shell's event stream as a long poll: JCEF answers a persistent query only once, so
 * one one-shot query `{"subscribe":"events","session":S}` is kept outstanding and re-sent as soon
 * as it is answered with `{"events":[{"event": name, "data": …}, …]}`. The shell buffers events
 * for the session between two polls, so none are lost. Returns a closer.
 */
export function connectCefEvents(
  hub: EventHub,
  cefQuery: CefQuery,
  cefQueryCancel?: CefQueryCancel,
  session: string = newRequestId(),
): () => void {
  let closed = false;
  let connected = false;
  let queryId: number | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    hub.emit("connection", { connected: value });
  };
  const poll = () => {
    if (closed) return;
    queryId = cefQuery({
      request: JSON.stringify({ subscribe: "events", session }),
      persistent: false,
      onSuccess: (text) => {
        queryId = undefined;
        for (const message of parseBatch(text)) emitStreamEvent(hub, message.event, message.data);
        poll();
      },
      onFailure: () => {
        queryId = undefined;
        setConnected(false);
        if (!closed) retry = setTimeout(poll, 1000);
      },
    });
    setConnected(true);
  };
  poll();
  return () => {
    closed = true;
    if (retry) clearTimeout(retry);
    if (queryId !== undefined) cefQueryCancel?.(queryId);
  };
}

/** The events of one poll answer; a malformed answer or event is dropped. */
function parseBatch(text: string): { event: string; data: unknown }[] {
  try {
    const answer = JSON.parse(text) as { events?: unknown };
    if (!Array.isArray(answer.events)) return [];
    return answer.events.filter(
      (m): m is { event: string; data: unknown } =>
        typeof m === "object" && m !== null && typeof (m as { event?: unknown }).event === "string",
    );
  } catch {
    return [];
  }
}

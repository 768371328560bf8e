import type { ErrorCode, Result, Transport } from "../generated/api";
import { runCall, type TransportDeps } from "./call";
import { emitStreamEvent, STREAM_EVENTS, type EventHub } from "./events";
import { failure, parseResult } from "./result";

/**
 * Browser mode: `POST /api/ipc/<method>` with the launch token, body = params JSON, response body
 * `{ok,data}` / `{ok,error}`. `X-Request-Id` correlates progress events; aborting posts
 * `/api/ipc-cancel/<requestId>`.
 */
export interface HttpTransportOptions extends TransportDeps {
  token: string;
  /** Origin + path prefix of the shell; "" means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: "INVALID_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "METHOD_NOT_FOUND",
  408: "TIMEOUT",
  429: "OVERLOADED",
  502: "SIDECAR_UNAVAILABLE",
  503: "SIDECAR_UNAVAILABLE",
  504: "TIMEOUT",
};

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const base = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const auth = `Bearer ${options.token}`;
  return (method, params, callOptions) =>
    runCall(options, method, callOptions, (requestId) => {
      const controller = new AbortController();
      const done = (async (): Promise<Result<unknown>> => {
        let response: Response;
        try {
          response = await doFetch(`${base}/api/ipc/${encodeURIComponent(method)}`, {
            method: "POST",
            headers: {
              Authorization: auth,
              "Content-Type": "application/json",
              "X-Request-Id": requestId,
            },
            body: JSON.stringify(params ?? {}),
            signal: controller.signal,
          });
        } catch (e) {
          return failure("SIDECAR_UNAVAILABLE", `Cannot reach the PortfolioOS app (${describe(e)})`);
        }
        let text: string;
        try {
          text = await response.text();
        } catch (e) {
          return failure("SIDECAR_UNAVAILABLE", `Connection lost while reading ${method} (${describe(e)})`);
        }
        const result = parseResult(text, method);
        if (!result.ok && result.error.code === "INTERNAL" && !response.ok) {
          // Not an envelope (e.g. a proxy or a plain-text rejection): report the HTTP status only.
          return failure(STATUS_CODES[response.status] ?? "INTERNAL", `HTTP ${response.status} from ${method}`);
        }
        return result;
      })();
      return {
        done,
        cancel() {
          doFetch(`${base}/api/ipc-cancel/${encodeURIComponent(requestId)}`, {
            method: "POST",
            headers: { Authorization: auth },
          }).catch(() => undefined);
          controller.abort();
        },
      };
    });
}

/** The subset of EventSource used here, so tests can pass a fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent | Event) => void): void;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

/** Opens `/api/events?token=…` and forwards its named events to the hub. Returns a closer. */
export function connectEventStream(
  hub: EventHub,
  token: string,
  factory: EventSourceFactory = (url) => new EventSource(url),
  baseUrl = "",
): () => void {
  const source = factory(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`);
  for (const name of STREAM_EVENTS) {
    source.addEventListener(name, (event) => {
      const data = (event as MessageEvent).data;
      if (typeof data !== "string") return;
      try {
        emitStreamEvent(hub, name, JSON.parse(data));
      } catch {
        // A malformed event is dropped; the stream carries on.
      }
    });
  }
  source.addEventListener("open", () => hub.emit("connection", { connected: true }));
  source.addEventListener("error", () => hub.emit("connection", { connected: false }));
  return () => source.close();
}

export interface UploadResult {
  path: string;
}
/** Sends a dropped/chosen file to the shell, which stores it and answers with a local path. */
export type Uploader = (file: File, signal?: AbortSignal) => Promise<Result<UploadResult>>;

/**
 * `POST /api/upload` (multipart, field `file`) with the token. The answer is the usual envelope
 * `{ok:true,data:{path}}`; a bare `{path}` is accepted too.
 */
export function createHttpUploader(token: string, fetchFn?: typeof fetch, baseUrl = ""): Uploader {
  const doFetch = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  return async (file, signal) => {
    const form = new FormData();
    form.append("file", file, file.name);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/upload`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}` },
        body: form,
        signal: signal ?? null,
      });
    } catch (e) {
      if (signal?.aborted) return failure("CANCELLED", "Upload cancelled");
      return failure("SIDECAR_UNAVAILABLE", `Cannot reach the PortfolioOS app (${describe(e)})`);
    }
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      return failure(STATUS_CODES[response.status] ?? "INTERNAL", `HTTP ${response.status} from upload`);
    }
    if (body && typeof body === "object" && typeof (body as { path?: unknown }).path === "string") {
      return { ok: true, data: { path: (body as UploadResult).path } };
    }
    const result = parseResult(JSON.stringify(body), "upload");
    if (result.ok) {
      const data = result.data as Partial<UploadResult> | null;
      if (!data || typeof data.path !== "string") return failure("INTERNAL", "Upload answer has no path");
      return { ok: true, data: { path: data.path } };
    }
    return result;
  };
}

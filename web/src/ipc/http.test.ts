import { describe, expect, it, vi } from "vitest";
import { createApi } from "../generated/api";
import { createProgressStore } from "../state/progress";
import { createEventHub } from "./events";
import { connectEventStream, createHttpTransport, createHttpUploader, type EventSourceLike } from "./http";

interface Recorded {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    return respond(url, init ?? {});
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("HTTP transport", () => {
  it("posts params to /api/ipc/<method> with the bearer token and a request id", async () => {
    const { fetch, calls } = fakeFetch(() => json({ ok: true, data: { pong: true, pid: 7, version: "1", uptimeMs: 5 } }));
    const api = createApi(createHttpTransport({ hub: createEventHub(), token: "tok123", fetch, newId: () => "rid-1" }));

    const result = await api.system.ping({});

    expect(result).toEqual({ ok: true, data: { pong: true, pid: 7, version: "1", uptimeMs: 5 } });
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.url).toBe("/api/ipc/system.ping");
    expect(call.init.method).toBe("POST");
    const headers = call.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe("Bearer tok123");
    expect(headers["Content-Type"]).toBe("application/json");
    expect(headers["X-Request-Id"]).toBe("rid-1");
    expect(call.init.body).toBe("{}");
  });

  it("passes error envelopes through with code, message and field", async () => {
    const { fetch } = fakeFetch(() =>
      json({ ok: false, error: { code: "INVALID_PARAMS", message: "must be https", field: "baseUrl" } }, 400),
    );
    const api = createApi(createHttpTransport({ hub: createEventHub(), token: "t", fetch }));
    const result = await api.system.info({});
    expect(result).toEqual({ ok: false, error: { code: "INVALID_PARAMS", message: "must be https", field: "baseUrl" } });
  });

  it("turns a network failure into SIDECAR_UNAVAILABLE instead of throwing", async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError("Failed to fetch");
    });
    const api = createApi(createHttpTransport({ hub: createEventHub(), token: "t", fetch }));
    const result = await api.system.ping({});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("SIDECAR_UNAVAILABLE");
      expect(result.error.message).toContain("Failed to fetch");
    }
  });

  it("maps a non-JSON rejection to its HTTP status without echoing the body", async () => {
    const { fetch } = fakeFetch(() => new Response("java.lang.IllegalStateException at Foo.java:12", { status: 403 }));
    const api = createApi(createHttpTransport({ hub: createEventHub(), token: "t", fetch }));
    const result = await api.system.ping({});
    expect(result).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "HTTP 403 from system.ping" } });
  });

  it("reports a malformed 200 body as INTERNAL", async () => {
    const { fetch } = fakeFetch(() => json({ hello: "world" }));
    const api = createApi(createHttpTransport({ hub: createEventHub(), token: "t", fetch }));
    const result = await api.system.ping({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("INTERNAL");
  });

  it("delivers only its own progress events to onProgress and the progress store", async () => {
    const hub = createEventHub();
    const progress = createProgressStore();
    let release!: (r: Response) => void;
    const { fetch } = fakeFetch(() => new Promise<Response>((r) => (release = r)));
    const transport = createHttpTransport({ hub, progress, token: "t", fetch, newId: () => "mine" });
    const seen: number[] = [];
    const pending = transport("system.ping", {}, { onProgress: (p) => seen.push(p.done) });
    await Promise.resolve();

    hub.emit("progress", { requestId: "other", done: 99, total: 100, message: null });
    hub.emit("progress", { requestId: "mine", done: 3, total: 10, message: "importing" });
    expect(seen).toEqual([3]);
    expect(progress.get().get("mine")).toMatchObject({ done: 3, total: 10, message: "importing", method: "system.ping" });

    release(json({ ok: true, data: {} }));
    await pending;
    expect(progress.get().has("mine")).toBe(false);
    hub.emit("progress", { requestId: "mine", done: 4, total: 10, message: null });
    expect(seen).toEqual([3]);
  });

  it("cancels: resolves CANCELLED and posts /api/ipc-cancel/<requestId>", async () => {
    const { fetch, calls } = fakeFetch((url, init) =>
      url.startsWith("/api/ipc-cancel/")
        ? json({ ok: true, data: null })
        : new Promise<Response>((_, reject) =>
            init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
          ),
    );
    const controller = new AbortController();
    const transport = createHttpTransport({ hub: createEventHub(), token: "t", fetch, newId: () => "r-9" });
    const pending = transport("system.ping", {}, { signal: controller.signal });
    controller.abort();
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("CANCELLED");
    const cancel = calls.find((c) => c.url === "/api/ipc-cancel/r-9");
    expect(cancel).toBeDefined();
    expect((cancel!.init.headers as Record<string, string>).Authorization).toBe("Bearer t");
  });

  it("does not call the shell when the signal is already aborted", async () => {
    const { fetch, calls } = fakeFetch(() => json({ ok: true, data: null }));
    const controller = new AbortController();
    controller.abort();
    const result = await createHttpTransport({ hub: createEventHub(), token: "t", fetch })("system.ping", {}, {
      signal: controller.signal,
    });
    expect(result.ok).toBe(false);
    expect(calls).toHaveLength(0);
  });
});

class FakeEventSource implements EventSourceLike {
  listeners = new Map<string, ((e: MessageEvent | Event) => void)[]>();
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (e: MessageEvent | Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  fire(type: string, data?: string) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data }));
  }
}

describe("SSE event stream", () => {
  it("opens /api/events with the token and forwards named events", () => {
    const hub = createEventHub();
    let source!: FakeEventSource;
    const close = connectEventStream(hub, "a b", (url) => (source = new FakeEventSource(url)));
    expect(source.url).toBe("/api/events?token=a%20b");

    const sidecar = vi.fn();
    const progress = vi.fn();
    hub.on("sidecar", sidecar);
    hub.on("progress", progress);
    source.fire("sidecar", JSON.stringify({ state: "RESTARTING", restarts: 2, failure: "exit 137" }));
    source.fire("progress", JSON.stringify({ requestId: "x", done: 1, total: 2, message: null }));
    source.fire("progress", "not json");

    expect(sidecar).toHaveBeenCalledWith({ state: "RESTARTING", restarts: 2, failure: "exit 137" });
    expect(progress).toHaveBeenCalledTimes(1);
    close();
    expect(source.closed).toBe(true);
  });
});

describe("HTTP uploader", () => {
  it("posts the file as multipart with the token and returns its path", async () => {
    const { fetch, calls } = fakeFetch(() => json({ ok: true, data: { path: "/data/uploads/x.csv" } }));
    const upload = createHttpUploader("tok", fetch);
    const result = await upload(new File(["a,b\n1,2\n"], "x.csv", { type: "text/csv" }));
    expect(result).toEqual({ ok: true, data: { path: "/data/uploads/x.csv" } });
    expect(calls[0]!.url).toBe("/api/upload");
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe("Bearer tok");
    const body = calls[0]!.init.body as FormData;
    expect((body.get("file") as File).name).toBe("x.csv");
  });

  it("accepts a bare {path} answer and reports errors as results", async () => {
    const ok = await createHttpUploader("t", fakeFetch(() => json({ path: "/p" })).fetch)(new File(["x"], "a"));
    expect(ok).toEqual({ ok: true, data: { path: "/p" } });
    const bad = await createHttpUploader("t", fakeFetch(() => json({ ok: false, error: { code: "FORBIDDEN", message: "no" } }, 403)).fetch)(
      new File(["x"], "a"),
    );
    expect(bad).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "no" } });
  });
});

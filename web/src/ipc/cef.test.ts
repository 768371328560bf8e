import { describe, expect, it, vi } from "vitest";
import { createApi } from "../generated/api";
import { createProgressStore } from "../state/progress";
import { connectCefEvents, createCefTransport, type CefQueryRequest } from "./cef";
import { createEventHub } from "./events";

function fakeCef() {
  const queries: (CefQueryRequest & { id: number })[] = [];
  let next = 1;
  const cefQuery = vi.fn((q: CefQueryRequest) => {
    const id = next++;
    queries.push({ ...q, id });
    return id;
  });
  const cefQueryCancel = vi.fn();
  return { queries, cefQuery, cefQueryCancel };
}

describe("cefQuery transport", () => {
  it("sends {method, params, requestId} as a non-persistent query and parses the envelope", async () => {
    const cef = fakeCef();
    const api = createApi(createCefTransport({ hub: createEventHub(), cefQuery: cef.cefQuery, newId: () => "r1" }));
    const pending = api.system.info({});
    const q = cef.queries[0]!;
    expect(q.persistent).toBe(false);
    expect(JSON.parse(q.request)).toEqual({ method: "system.info", params: {}, requestId: "r1" });
    q.onSuccess(JSON.stringify({ ok: true, data: { shell: null } }));
    expect(await pending).toEqual({ ok: true, data: { shell: null } });
  });

  it("yields the same error shape as HTTP for error envelopes", async () => {
    const cef = fakeCef();
    const api = createApi(createCefTransport({ hub: createEventHub(), cefQuery: cef.cefQuery }));
    const pending = api.system.ping({});
    cef.queries[0]!.onSuccess(JSON.stringify({ ok: false, error: { code: "SIDECAR_RESTARTED", message: "sidecar exited" } }));
    expect(await pending).toEqual({ ok: false, error: { code: "SIDECAR_RESTARTED", message: "sidecar exited" } });
  });

  it("maps router failures to a result: envelope passthrough or INTERNAL", async () => {
    const cef = fakeCef();
    const api = createApi(createCefTransport({ hub: createEventHub(), cefQuery: cef.cefQuery }));
    const a = api.system.ping({});
    cef.queries[0]!.onFailure(-1, JSON.stringify({ ok: false, error: { code: "TIMEOUT", message: "slow" } }));
    expect(await a).toEqual({ ok: false, error: { code: "TIMEOUT", message: "slow" } });
    const b = api.system.ping({});
    cef.queries[1]!.onFailure(500, "router gone");
    const rb = await b;
    expect(rb.ok).toBe(false);
    if (!rb.ok) {
      expect(rb.error.code).toBe("INTERNAL");
      expect(rb.error.message).toContain("router gone");
    }
  });

  it("routes progress by request id and cancels the query on abort", async () => {
    const cef = fakeCef();
    const hub = createEventHub();
    const progress = createProgressStore();
    const transport = createCefTransport({ hub, progress, cefQuery: cef.cefQuery, cefQueryCancel: cef.cefQueryCancel, newId: () => "job" });
    const onProgress = vi.fn();
    const controller = new AbortController();
    const pending = transport("system.ping", {}, { signal: controller.signal, onProgress });
    hub.emit("progress", { requestId: "job", done: 5, total: 8, message: "half" });
    hub.emit("progress", { requestId: "else", done: 1, total: 8 });
    expect(onProgress).toHaveBeenCalledTimes(1);
    expect(onProgress).toHaveBeenCalledWith({ done: 5, total: 8, message: "half" });
    expect(progress.get().get("job")?.done).toBe(5);

    controller.abort();
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("CANCELLED");
    expect(cef.cefQueryCancel).toHaveBeenCalledWith(cef.queries[0]!.id);
    expect(progress.get().size).toBe(0);
    // a late answer is ignored
    cef.queries[0]!.onSuccess(JSON.stringify({ ok: true, data: {} }));
  });
});

describe("cefQuery event stream", () => {
  it("long-polls with one-shot queries and emits every event of each answer", () => {
    const cef = fakeCef();
    const hub = createEventHub();
    const sidecar = vi.fn();
    hub.on("sidecar", sidecar);
    const close = connectCefEvents(hub, cef.cefQuery, cef.cefQueryCancel, "s1");
    expect(cef.queries).toHaveLength(1);
    const first = cef.queries[0]!;
    expect(first.persistent).toBe(false);
    expect(JSON.parse(first.request)).toEqual({ subscribe: "events", session: "s1" });
    first.onSuccess(
      JSON.stringify({
        events: [
          { event: "sidecar", data: { state: "RESTARTING", restarts: 1, failure: null } },
          { event: "sidecar", data: { state: "RUNNING", restarts: 1, failure: null } },
        ],
      }),
    );
    expect(sidecar).toHaveBeenCalledTimes(2);
    expect(sidecar).toHaveBeenLastCalledWith({ state: "RUNNING", restarts: 1, failure: null });
    // the next poll is out at once, with the same session
    expect(cef.queries).toHaveLength(2);
    expect(JSON.parse(cef.queries[1]!.request)).toEqual({ subscribe: "events", session: "s1" });
    cef.queries[1]!.onSuccess("garbage");
    expect(sidecar).toHaveBeenCalledTimes(2);
    expect(cef.queries).toHaveLength(3);
    close();
    expect(cef.cefQueryCancel).toHaveBeenCalledWith(cef.queries[2]!.id);
  });

  it("reports a broken stream and polls again after a pause", () => {
    vi.useFakeTimers();
    try {
      const cef = fakeCef();
      const hub = createEventHub();
      const connection = vi.fn();
      hub.on("connection", connection);
      connectCefEvents(hub, cef.cefQuery, cef.cefQueryCancel, "s2");
      expect(connection).toHaveBeenLastCalledWith({ connected: true });
      cef.queries[0]!.onFailure(-1, "gone");
      expect(connection).toHaveBeenLastCalledWith({ connected: false });
      expect(cef.queries).toHaveLength(1);
      vi.advanceTimersByTime(1000);
      expect(cef.queries).toHaveLength(2);
      expect(connection).toHaveBeenLastCalledWith({ connected: true });
    } finally {
      vi.useRealTimers();
    }
  });
});

import { describe, expect, it, vi } from "vitest";
import { connect } from "./client";
import { TOKEN_KEY, takeToken } from "./token";
import { callMethod } from "./planned";
import type { Transport } from "../generated/api";

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe("token handling", () => {
  it("reads ?token= once, stores it and removes it from the address bar", () => {
    const storage = memoryStorage();
    const replaceState = vi.fn();
    const token = takeToken({
      location: { href: "http://127.0.0.1:4242/?token=s3cret&x=1#/settings" },
      history: { state: null, replaceState },
      sessionStorage: storage,
    });
    expect(token).toBe("s3cret");
    expect(storage.getItem(TOKEN_KEY)).toBe("s3cret");
    expect(replaceState).toHaveBeenCalledWith(null, "", "/?x=1#/settings");
  });

  it("falls back to sessionStorage after a reload", () => {
    const storage = memoryStorage();
    storage.setItem(TOKEN_KEY, "kept");
    const replaceState = vi.fn();
    expect(takeToken({ location: { href: "http://127.0.0.1:1/#/" }, history: { state: null, replaceState }, sessionStorage: storage })).toBe("kept");
    expect(replaceState).not.toHaveBeenCalled();
  });
});

describe("transport selection", () => {
  it("uses cefQuery when the window provides it", async () => {
    const cefQuery = vi.fn((q: { request: string; persistent?: boolean; onSuccess: (s: string) => void }) => {
      // the event poll stays outstanding; calls are answered at once
      if ("method" in JSON.parse(q.request)) q.onSuccess(JSON.stringify({ ok: true, data: { pong: true } }));
      return 1;
    });
    const client = connect({ location: { href: "http://x/" }, history: { state: null, replaceState: vi.fn() }, cefQuery });
    expect(client?.mode).toBe("desktop");
    const r = await client!.api.system.ping({});
    expect(r).toEqual({ ok: true, data: { pong: true } });
    expect(cefQuery).toHaveBeenCalledTimes(2); // event poll + call
  });

  it("in the window, a dropped file is read in place: its path comes from the window's drag", async () => {
    const requests: { method: string; params: unknown }[] = [];
    const cefQuery = vi.fn((q: { request: string; persistent?: boolean; onSuccess: (s: string) => void }) => {
      const req = JSON.parse(q.request) as { method?: string; params?: { name: string } };
      if (req.method) {
        requests.push({ method: req.method, params: req.params });
        q.onSuccess(JSON.stringify({ ok: true, data: { path: `/home/me/${req.params!.name}` } }));
      }
      return 1;
    });
    const client = connect({ location: { href: "http://x/" }, history: { state: null, replaceState: vi.fn() }, cefQuery });
    const r = await client!.upload(new File(["a"], "broker.csv"));
    expect(r).toEqual({ ok: true, data: { path: "/home/me/broker.csv" } });
    expect(requests).toEqual([{ method: "dialogs.droppedFile", params: { name: "broker.csv" } }]);
  });

  it("uses HTTP with the token otherwise, and gives up without a token", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, data: 1 }))) as unknown as typeof globalThis.fetch;
    const eventSource = vi.fn(() => ({ addEventListener: vi.fn(), close: vi.fn() }));
    const env = { location: { href: "http://127.0.0.1:1/?token=T" }, history: { state: null, replaceState: vi.fn() }, sessionStorage: memoryStorage() };
    const client = connect(env, { fetch, eventSource });
    expect(client?.mode).toBe("browser");
    expect(eventSource).toHaveBeenCalledWith("/api/events?token=T");
    expect(await client!.api.system.ping({})).toEqual({ ok: true, data: 1 });

    expect(connect({ location: { href: "http://127.0.0.1:1/" }, history: { state: null, replaceState: vi.fn() }, sessionStorage: memoryStorage() })).toBeNull();
  });
});

describe("planned methods", () => {
  it("answer METHOD_NOT_FOUND locally until the contract has them", async () => {
    const transport = vi.fn() as unknown as Transport;
    const r = await callMethod(transport, "no.suchMethod", {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("METHOD_NOT_FOUND");
    expect(transport).not.toHaveBeenCalled();
  });

  it("go through the transport when they exist", async () => {
    const transport = vi.fn(async () => ({ ok: true as const, data: "x" }));
    const r = await callMethod(transport, "system.info", {});
    expect(r).toEqual({ ok: true, data: "x" });
    expect(transport).toHaveBeenCalledWith("system.info", {}, undefined);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { act } from "preact/test-utils";
import type { Result } from "../generated/api";
import { byTestId, click, fakeClient, fakeServices, flush, mountApp, queryTestId, type Mounted } from "../test-support";
import { parseHash, ROUTES } from "./router";

let mounted: Mounted | undefined;
beforeEach(() => {
  location.hash = "";
});
afterEach(() => mounted?.unmount());

const answers: Record<string, Result<unknown>> = {
  "system.ping": { ok: true, data: { pong: true, pid: 2, version: "0.1.0", uptimeMs: 10 } },
  "system.info": {
    ok: true,
    data: { shell: { version: "0.1.0", pid: 1, dataDir: "/data/pos", sidecarState: "RUNNING", sidecarRestarts: 0 } },
  },
  "secrets.status": { ok: true, data: { backend: "FILE", detail: "/data/pos/master.key" } },
  "secrets.has": { ok: true, data: { name: "x", stored: false } },
  "dataSources.list": {
    ok: true,
    data: [{ id: "fred", name: "FRED", kind: "MACRO", baseUrl: "https://api.example", rateLimitPerMinute: 120, enabled: false }],
  },
};

function app() {
  const client = fakeClient((method) => answers[method] ?? { ok: false, error: { code: "METHOD_NOT_FOUND", message: method } });
  const services = fakeServices(client);
  void services.sidecar.refresh();
  return { client, services };
}

async function go(hash: string) {
  await act(() => {
    location.hash = hash;
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  });
  await flush();
}

describe("app frame", () => {
  it("parses routes from the hash", () => {
    expect(parseHash("#/settings")).toBe("settings");
    expect(parseHash("#/nope")).toBe("dashboard");
    expect(parseHash("")).toBe("dashboard");
  });

  it("has a link for every page and marks the current one", async () => {
    mounted = mountApp(app().services);
    await flush();
    for (const r of ROUTES) expect(byTestId<HTMLAnchorElement>(mounted.container, `nav-${r.id}`).getAttribute("href")).toBe(`#/${r.id}`);
    expect(byTestId(mounted.container, "nav-dashboard").getAttribute("aria-current")).toBe("page");
    expect(queryTestId(mounted.container, "page-dashboard")).not.toBeNull();
    expect(byTestId(mounted.container, "dashboard-ping").textContent).toMatch(/ms$/);
    expect(byTestId(mounted.container, "dashboard-version").textContent).toContain("0.1.0");
    expect(byTestId(mounted.container, "empty-state").textContent).toContain("Create an account");

    await go("#/holdings");
    expect(queryTestId(mounted.container, "page-holdings")).not.toBeNull();
    expect(byTestId(mounted.container, "nav-holdings").getAttribute("aria-current")).toBe("page");
    expect(byTestId(mounted.container, "nav-dashboard").getAttribute("aria-current")).toBeNull();
    expect(document.activeElement?.id).toBe("main");
  });

  it("shows the settings page with data dir, key status, FILE warning and data sources", async () => {
    mounted = mountApp(app().services);
    await go("#/settings");
    expect(byTestId(mounted.container, "settings-data-dir").textContent).toBe("/data/pos");
    expect(byTestId(mounted.container, "settings-keyring-status").dataset.backend).toBe("FILE");
    expect(byTestId(mounted.container, "settings-keyring-warning").textContent).toContain("file");
    expect(byTestId(mounted.container, "secret-status-fred").textContent).toBe("Not set");
    expect(byTestId(mounted.container, "datasource-row-fred").textContent).toContain("https://api.example");
  });

  it("toggles the theme and records it on <html>", async () => {
    mounted = mountApp(app().services);
    const toggle = byTestId(mounted.container, "theme-toggle");
    await click(toggle);
    expect(document.documentElement.dataset.theme).toBe("light");
    await click(toggle);
    expect(document.documentElement.dataset.theme).toBe("dark");
    await click(toggle);
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it("shows progress bars for calls reporting progress and removes them when done", async () => {
    const { services } = app();
    mounted = mountApp(services);
    act(() => {
      services.client.progress.begin("r1", "ingest.importCsv");
      services.client.progress.report("r1", 40, 100, "Reading rows");
    });
    const bar = byTestId(mounted.container, "progress-bar");
    expect(bar.dataset.requestId).toBe("r1");
    expect(bar.textContent).toContain("Reading rows — 40 / 100");
    expect((bar.querySelector("progress") as HTMLProgressElement).value).toBe(40);
    act(() => services.client.progress.end("r1"));
    expect(queryTestId(mounted.container, "progress-bar")).toBeNull();
  });

  it("shows errors as CODE: message toasts", async () => {
    const { services } = app();
    mounted = mountApp(services);
    act(() => services.toasts.error({ code: "UPSTREAM", message: "Yahoo answered 503" }));
    expect(byTestId(mounted.container, "toast").textContent).toContain("UPSTREAM: Yahoo answered 503");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { Result } from "../generated/api";
import { byTestId, fakeClient, fakeServices, flush, mount, queryTestId, type Mounted } from "../test-support";
import { KNOWN_SECRETS, Settings } from "./Settings";

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

const SOURCES = [
  { id: "fred", name: "FRED (St. Louis Fed)", kind: "MACRO", baseUrl: "https://api.stlouisfed.org", rateLimitPerMinute: 120, enabled: true },
  { id: "yahoo", name: "Yahoo Finance", kind: "PRICES", baseUrl: "https://query1.finance.yahoo.com", rateLimitPerMinute: 60, enabled: false },
];

async function settingsWith(backend: Result<unknown>) {
  const client = fakeClient((method, params) => {
    switch (method) {
      case "secrets.status":
        return backend;
      case "secrets.has":
        return { ok: true, data: { name: (params as { name: string }).name, stored: (params as { name: string }).name === "openai" } };
      case "dataSources.list":
        return { ok: true, data: SOURCES };
      case "settings.get":
        return { ok: true, data: { key: (params as { key: string }).key, value: "EUR" } };
      case "settings.set":
        return { ok: true, data: params };
      default:
        return { ok: false, error: { code: "METHOD_NOT_FOUND", message: method } };
    }
  });
  mounted = mount(<Settings />, fakeServices(client));
  await flush();
  return { client, root: mounted.container };
}

describe("Settings page", () => {
  it("shows the base currency from preferences and stores a new choice", async () => {
    const { client, root } = await settingsWith({ ok: true, data: { backend: "KEYRING", detail: "" } });
    const select = byTestId(root, "settings-base-currency") as HTMLSelectElement;
    expect(select.value).toBe("EUR");
    select.value = "GBP";
    select.dispatchEvent(new Event("change"));
    await flush();
    expect(client.calls.filter((c) => c.method === "settings.set").map((c) => c.params)).toEqual([
      { key: "portfolio.baseCurrency", value: "GBP" },
    ]);
    expect(select.value).toBe("GBP");
  });

  it("says plainly when keys are protected by a file rather than the system keyring", async () => {
    const { root } = await settingsWith({ ok: true, data: { backend: "FILE", detail: "no OS keyring is reachable" } });
    const status = byTestId(root, "settings-keyring-status");
    expect(status.dataset.backend).toBe("FILE");
    expect(status.textContent).toContain("key file");
    expect(byTestId(root, "settings-keyring-warning").textContent).toContain("no OS keyring is reachable");
  });

  it("names the system keyring when it is used and shows no warning", async () => {
    const { root } = await settingsWith({ ok: true, data: { backend: "KEYRING", detail: "the master key is kept in your Secret Service" } });
    expect(byTestId(root, "settings-keyring-status").textContent).toContain("system keyring");
    expect(queryTestId(root, "settings-keyring-warning")).toBeNull();
  });

  it("asks whether each known key is stored and shows only that", async () => {
    const { client, root } = await settingsWith({ ok: true, data: { backend: "KEYRING", detail: "" } });
    expect(client.calls.filter((c) => c.method === "secrets.has").map((c) => c.params)).toEqual(KNOWN_SECRETS.map((s) => ({ name: s.name })));
    expect(byTestId(root, "secret-status-openai").dataset.stored).toBe("true");
    expect(byTestId(root, "secret-status-fred").dataset.stored).toBe("false");
  });

  it("lists the data sources with their rate limits and whether they are enabled", async () => {
    const { root } = await settingsWith({ ok: true, data: { backend: "KEYRING", detail: "" } });
    const table = byTestId(root, "datasources-table");
    expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(byTestId(root, "datasource-row-yahoo").textContent).toContain("https://query1.finance.yahoo.com");
    expect(byTestId(root, "datasource-row-yahoo").textContent).toContain("No");
    expect(byTestId(root, "datasource-row-fred").textContent).toContain("120");
  });

  it("shows a failing key store as code and message", async () => {
    const { root } = await settingsWith({ ok: false, error: { code: "INTERNAL", message: "boom" } });
    expect(byTestId(root, "settings-keyring-status").textContent).toContain("INTERNAL");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { DataSourceRow, SecretRow, validateSource } from "../pages/Settings";
import type { DataSource } from "../generated/api";
import { byTestId, click, fakeClient, fakeServices, mount, queryTestId, type, type Mounted } from "../test-support";
import { matchField } from "./Form";
import type { VNode } from "preact";

const source: DataSource = { id: "yahoo", name: "Yahoo Finance", kind: "PRICES", baseUrl: "https://query1.example", rateLimitPerMinute: 60, enabled: true };

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

function inTable(row: VNode) {
  return (
    <table>
      <tbody>{row}</tbody>
    </table>
  );
}

describe("matchField", () => {
  it("matches exact names and the last path segment", () => {
    expect(matchField("baseUrl", ["baseUrl"])).toBe("baseUrl");
    expect(matchField("params.baseUrl", ["baseUrl"])).toBe("baseUrl");
    expect(matchField("sources[0].rateLimitPerMinute", ["rateLimitPerMinute"])).toBe("rateLimitPerMinute");
    expect(matchField("other", ["baseUrl"])).toBeNull();
    expect(matchField(undefined, ["baseUrl"])).toBeNull();
  });
});

describe("inline validation errors", () => {
  it("shows the server's error.field message next to the matching input", async () => {
    const client = fakeClient((method) =>
      method === "dataSources.update"
        ? { ok: false, error: { code: "INVALID_PARAMS", message: "host must be loopback or https", field: "baseUrl" } }
        : { ok: true, data: null },
    );
    mounted = mount(inTable(<DataSourceRow source={source} onSaved={() => undefined} />), fakeServices(client));
    await click(byTestId(mounted.container, "datasource-edit-yahoo"));
    await type(byTestId<HTMLInputElement>(mounted.container, "datasource-baseUrl-yahoo"), "http://example.org");
    await type(byTestId<HTMLInputElement>(mounted.container, "datasource-rate-yahoo"), "30");
    await click(byTestId(mounted.container, "datasource-save-yahoo"));

    expect(client.calls).toContainEqual({
      method: "dataSources.update",
      params: { id: "yahoo", baseUrl: "http://example.org", rateLimitPerMinute: 30, enabled: true },
    });
    const error = byTestId(mounted.container, "datasource-baseUrl-yahoo-error");
    expect(error.textContent).toBe("host must be loopback or https");
    const input = byTestId<HTMLInputElement>(mounted.container, "datasource-baseUrl-yahoo");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toContain(error.id);
    expect(queryTestId(mounted.container, "datasource-rate-yahoo-error")).toBeNull();
    // still editing, so the user can fix it
    expect(queryTestId(mounted.container, "datasource-save-yahoo")).not.toBeNull();
  });

  it("shows an error without a known field above the form as CODE: message", async () => {
    const client = fakeClient(() => ({ ok: false, error: { code: "CONFLICT", message: "changed elsewhere" } }));
    mounted = mount(inTable(<DataSourceRow source={source} onSaved={() => undefined} />), fakeServices(client));
    await click(byTestId(mounted.container, "datasource-edit-yahoo"));
    await click(byTestId(mounted.container, "datasource-save-yahoo"));
    expect(byTestId(mounted.container, "datasource-error-yahoo").textContent).toBe("CONFLICT: changed elsewhere");
  });

  it("checks inputs before calling the shell", async () => {
    const client = fakeClient(() => ({ ok: true, data: null }));
    mounted = mount(inTable(<DataSourceRow source={source} onSaved={() => undefined} />), fakeServices(client));
    await click(byTestId(mounted.container, "datasource-edit-yahoo"));
    await type(byTestId<HTMLInputElement>(mounted.container, "datasource-rate-yahoo"), "fast");
    await click(byTestId(mounted.container, "datasource-save-yahoo"));
    expect(client.calls.filter((c) => c.method === "dataSources.update")).toHaveLength(0);
    expect(byTestId(mounted.container, "datasource-rate-yahoo-error").textContent).toContain("whole number");
    expect(validateSource("ftp://x", "1")).toHaveProperty("baseUrl");
    expect(validateSource("https://x", "10")).toEqual({});
  });
});

describe("API key row", () => {
  it("stores a key, clears the password input and shows only that a key is stored", async () => {
    let stored = false;
    const client = fakeClient((method, params) => {
      if (method === "secrets.has") return { ok: true, data: { name: "fred", stored } };
      if (method === "secrets.set") {
        stored = true;
        return { ok: true, data: { name: (params as { name: string }).name, stored: true } };
      }
      if (method === "secrets.delete") {
        stored = false;
        return { ok: true, data: null };
      }
      return { ok: true, data: null };
    });
    mounted = mount(<SecretRow name="fred" label="FRED" hint="" />, fakeServices(client));
    await click(byTestId(mounted.container, "secret-save-fred")); // no-op to flush the initial has()
    const status = byTestId(mounted.container, "secret-status-fred");
    expect(status.textContent).toBe("Not set");
    expect(byTestId(mounted.container, "secret-input-fred-error").textContent).toBe("Enter a key first.");
    expect(client.calls.filter((c) => c.method === "secrets.set")).toHaveLength(0);

    const input = byTestId<HTMLInputElement>(mounted.container, "secret-input-fred");
    expect(input.type).toBe("password");
    await type(input, "abc123secret");
    await click(byTestId(mounted.container, "secret-save-fred"));

    expect(client.calls).toContainEqual({ method: "secrets.set", params: { name: "fred", value: "abc123secret" } });
    expect(input.value).toBe("");
    expect(status.textContent).toBe("Stored");
    expect(byTestId(mounted.container, "secret-save-fred").textContent).toBe("Replace");
    expect(mounted.container.innerHTML).not.toContain("abc123secret");

    await click(byTestId(mounted.container, "secret-delete-fred"));
    expect(client.calls).toContainEqual({ method: "secrets.delete", params: { name: "fred" } });
    expect(status.textContent).toBe("Not set");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { act } from "preact/test-utils";
import { ServicesContext } from "../app/services";
import { byTestId, fakeClient, fakeServices, flush, mount, type Mounted } from "../test-support";
import { ExportButton } from "./ExportButton";

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

function click(root: HTMLElement, label: string) {
  const button = [...root.querySelectorAll("button")].find((b) => b.textContent === label);
  if (!button) throw new Error(`no button ${label}`);
  act(() => button.click());
}

describe("ExportButton", () => {
  it("writes nothing when the save dialog is cancelled", async () => {
    const client = fakeClient(() => ({ ok: true, data: { path: null, downloadUrl: null } }));
    const services = fakeServices(client);
    mounted = mount(
      <ServicesContext.Provider value={services}>
        <ExportButton kind="transactions" />
      </ServicesContext.Provider>,
    );
    click(byTestId(mounted.container, "export-transactions"), "Export transactions");
    await flush();
    expect(client.calls.map((c) => c.method)).toEqual(["dialogs.saveFile"]);
  });

  it("exports to the chosen path in the chosen format with the filters", async () => {
    const client = fakeClient((method) =>
      method === "dialogs.saveFile"
        ? { ok: true, data: { path: "/home/me/lots.parquet", downloadUrl: null } }
        : { ok: true, data: { path: "/home/me/lots.parquet", kind: "lots", format: "parquet", rows: 3, bytes: 10 } },
    );
    const services = fakeServices(client);
    mounted = mount(
      <ServicesContext.Provider value={services}>
        <ExportButton kind="lots" filters={{ accountId: 2 }} />
      </ServicesContext.Provider>,
    );
    const select = mounted.container.querySelector("select")!;
    act(() => {
      select.value = "parquet";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    click(byTestId(mounted.container, "export-lots"), "Export open lots");
    await flush();
    expect(client.calls[0]).toMatchObject({ method: "dialogs.saveFile", params: { suggestedName: "lots.parquet" } });
    expect(client.calls[1]).toEqual({
      method: "data.export",
      params: { kind: "lots", format: "parquet", path: "/home/me/lots.parquet", filters: { accountId: 2 } },
    });
    expect(services.toasts.get().map((t) => t.text)).toContain("Exported 3 rows to /home/me/lots.parquet");
  });
});

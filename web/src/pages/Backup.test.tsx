import { afterEach, describe, expect, it } from "vitest";
import { act } from "preact/test-utils";
import { ServicesContext } from "../app/services";
import { byTestId, fakeClient, fakeServices, flush, mount, type Mounted } from "../test-support";
import { BackupSection } from "./Backup";

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

function click(root: HTMLElement, label: string) {
  const button = [...root.querySelectorAll("button")].find((b) => b.textContent === label);
  if (!button) throw new Error(`no button ${label}`);
  act(() => button.click());
}

describe("BackupSection", () => {
  it("backs up to the path the save dialog chose, and not at all when it was cancelled", async () => {
    let chosen: string | null = null;
    const client = fakeClient((method) => {
      if (method === "dialogs.saveFile") return { ok: true, data: { path: chosen, downloadUrl: null } };
      return { ok: true, data: { path: "/home/me/b.zip", bytes: 10, manifest: {} } };
    });
    const services = fakeServices(client);
    mounted = mount(
      <ServicesContext.Provider value={services}>
        <BackupSection />
      </ServicesContext.Provider>,
    );
    const section = byTestId(mounted.container, "backup-section");
    click(section, "Back up now");
    await flush();
    expect(client.calls.map((c) => c.method)).toEqual(["dialogs.saveFile"]);

    chosen = "/home/me/b.zip";
    click(section, "Back up now");
    await flush();
    expect(client.calls.at(-1)).toEqual({ method: "data.backup", params: { path: "/home/me/b.zip" } });
    expect(services.toasts.get().map((t) => t.text)).toContain("Backup written to /home/me/b.zip");
  });
});

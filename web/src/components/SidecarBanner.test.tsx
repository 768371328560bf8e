import { afterEach, describe, expect, it } from "vitest";
import { act } from "preact/test-utils";
import type { Result } from "../generated/api";
import { byTestId, click, fakeClient, fakeServices, flush, mount, queryTestId, type Mounted } from "../test-support";
import { SidecarBanner } from "./SidecarBanner";

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

function info(state: string, failure: string | null = null, restarts = 0): Result<unknown> {
  return {
    ok: true,
    data: { shell: { version: "0.1.0", pid: 1, dataDir: "/home/u/.portfolioos", sidecarState: state, sidecarRestarts: restarts, sidecarFailure: failure } },
  };
}

describe("sidecar status banner", () => {
  it("appears on a RESTARTING event with the reason and goes away on RUNNING", async () => {
    const client = fakeClient(() => info("RUNNING"));
    const services = fakeServices(client);
    mounted = mount(<SidecarBanner />, services);
    services.sidecar.start();
    await flush();
    expect(queryTestId(mounted.container, "sidecar-banner")).toBeNull();

    act(() => client.events.emit("sidecar", { state: "RESTARTING", restarts: 1, failure: "exit code 137" }));
    const banner = byTestId(mounted.container, "sidecar-banner");
    expect(banner.dataset.state).toBe("RESTARTING");
    expect(byTestId(mounted.container, "sidecar-banner-reason").textContent).toContain("exit code 137");
    expect(queryTestId(mounted.container, "sidecar-retry")).toBeNull();

    act(() => client.events.emit("sidecar", { state: "RUNNING", restarts: 1, failure: null }));
    expect(queryTestId(mounted.container, "sidecar-banner")).toBeNull();
    services.sidecar.stop();
  });

  it("shows FAILED from polling with a Retry that restarts the sidecar and re-polls", async () => {
    let state = "FAILED";
    const client = fakeClient((method) => {
      if (method === "system.restartSidecar") {
        state = "STARTING";
        return { ok: true, data: null };
      }
      return info(state, state === "FAILED" ? "crashed 5 times in 60 s" : null, 5);
    });
    const services = fakeServices(client);
    mounted = mount(<SidecarBanner />, services);
    services.sidecar.start();
    await flush();
    expect(byTestId(mounted.container, "sidecar-banner").dataset.state).toBe("FAILED");
    expect(byTestId(mounted.container, "sidecar-banner-reason").textContent).toContain("crashed 5 times in 60 s");

    await click(byTestId(mounted.container, "sidecar-retry"));
    expect(client.calls.map((c) => c.method)).toContain("system.restartSidecar");
    expect(queryTestId(mounted.container, "sidecar-banner")).toBeNull();
    services.sidecar.stop();
  });

  it("without system.restartSidecar in the contract, Retry only re-polls", async () => {
    let polls = 0;
    const client = fakeClient(
      () => {
        polls++;
        return info("FAILED", "boom");
      },
      (m) => m !== "system.restartSidecar",
    );
    const services = fakeServices(client);
    mounted = mount(<SidecarBanner />, services);
    await act(() => services.sidecar.refresh());
    await flush();
    const before = polls;
    await click(byTestId(mounted.container, "sidecar-retry"));
    expect(polls).toBe(before + 1);
    expect(client.calls.map((c) => c.method)).not.toContain("system.restartSidecar");
  });

  it("says the app is unreachable when system.info cannot be sent", async () => {
    const client = fakeClient(() => ({ ok: false, error: { code: "SIDECAR_UNAVAILABLE", message: "Cannot reach the PortfolioOS app" } }));
    const services = fakeServices(client);
    mounted = mount(<SidecarBanner />, services);
    await act(() => services.sidecar.refresh());
    await flush();
    const banner = byTestId(mounted.container, "sidecar-banner");
    expect(banner.dataset.state).toBe("DISCONNECTED");
    expect(banner.textContent).toContain("Lost the connection");
  });
});

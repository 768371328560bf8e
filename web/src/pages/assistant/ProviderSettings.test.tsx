import { afterEach, describe, expect, it } from "vitest";
import type { LlmProvider } from "../../generated/api";
import { byTestId, click, fakeClient, fakeServices, flush, mount, queryTestId, type Mounted } from "../../test-support";
import { ProviderSettings } from "./ProviderSettings";

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

describe("assistant provider settings", () => {
  it("shows where data goes and revokes a cloud provider's consent", async () => {
    let providers: LlmProvider[] = [
      { id: "lmstudio", name: "LM Studio", kind: "lmStudio", baseUrl: "http://localhost:1234/v1", keySet: false, leavesMachine: false, consented: true, isDefault: true },
      { id: "openai-1", name: "OpenAI", kind: "openai", baseUrl: "https://api.openai.com/v1", keyName: "openai", keySet: true, leavesMachine: true, consented: true, isDefault: false },
    ];
    const client = fakeClient((method, params) => {
      if (method === "llm.providers.list") return { ok: true, data: providers };
      if (method === "llm.consent.set") {
        const p = params as { providerId: string; granted: boolean };
        providers = providers.map((x) => (x.id === p.providerId ? { ...x, consented: p.granted } : x));
        return { ok: true, data: providers[1] };
      }
      return { ok: false, error: { code: "METHOD_NOT_FOUND", message: method } };
    });
    mounted = mount(<ProviderSettings />, fakeServices(client));
    await flush();
    expect(byTestId(mounted.container, "provider-consent-lmstudio").textContent).toBe("Stays on this computer");
    expect(queryTestId(mounted.container, "provider-revoke-lmstudio")).toBeNull();
    expect(byTestId(mounted.container, "provider-consent-openai-1").textContent).toContain("allowed");
    await click(byTestId(mounted.container, "provider-revoke-openai-1"));
    expect(client.calls.find((c) => c.method === "llm.consent.set")?.params).toEqual({ providerId: "openai-1", granted: false });
    expect(byTestId(mounted.container, "provider-consent-openai-1").textContent).toContain("not allowed yet");
    expect(queryTestId(mounted.container, "provider-revoke-openai-1")).toBeNull();
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { act } from "preact/test-utils";
import type { LlmProvider, Result } from "../generated/api";
import { byTestId, click, fakeClient, fakeServices, flush, mount, queryTestId, type FakeClient, type Mounted } from "../test-support";
import { Assistant } from "./Assistant";

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

const local: LlmProvider = {
  id: "lmstudio",
  name: "LM Studio",
  kind: "lmStudio",
  baseUrl: "http://localhost:1234/v1",
  keySet: false,
  leavesMachine: false,
  consented: true,
  isDefault: true,
};
const cloud: LlmProvider = {
  id: "anthropic-1",
  name: "Claude",
  kind: "anthropic",
  baseUrl: "https://api.anthropic.com/v1",
  keyName: "anthropic",
  keySet: true,
  leavesMachine: true,
  consented: false,
  isDefault: false,
};

interface Shell {
  client: FakeClient;
  lastStream(): string;
}

function shell(providers: LlmProvider[], chat: (params: Record<string, unknown>) => Result<unknown>): Shell {
  let stream = "";
  const client = fakeClient((method, params) => {
    const p = params as Record<string, unknown>;
    switch (method) {
      case "llm.providers.list":
        return { ok: true, data: providers };
      case "llm.conversations.list":
        return { ok: true, data: [] };
      case "llm.tools":
        return { ok: true, data: [{ name: "get_holdings", description: "Holdings", sends: "your holdings" }] };
      case "llm.chat":
        stream = String(p.streamId);
        return chat(p);
      case "llm.cancel":
        return { ok: true, data: { cancelled: true } };
      case "llm.consent.set":
        providers = providers.map((x) => (x.id === p.providerId ? { ...x, consented: Boolean(p.granted) } : x));
        return { ok: true, data: providers.find((x) => x.id === p.providerId) };
      default:
        return { ok: false, error: { code: "METHOD_NOT_FOUND", message: method } };
    }
  });
  return { client, lastStream: () => stream };
}

const started = (p: Record<string, unknown>): Result<unknown> => ({
  ok: true,
  data: { streamId: p.streamId, conversationId: "c1", providerId: "lmstudio", providerName: "LM Studio", model: "m", leavesMachine: false },
});

async function ask(root: HTMLElement, text: string) {
  const input = byTestId<HTMLTextAreaElement>(root, "assistant-input");
  await act(() => {
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await click(byTestId(root, "assistant-send"));
}

describe("assistant pane", () => {
  it("shows the active provider and that nothing leaves the machine", async () => {
    const s = shell([local, cloud], started);
    mounted = mount(<Assistant />, fakeServices(s.client));
    await flush();
    const badge = byTestId(mounted.container, "assistant-privacy");
    expect(badge.dataset.leaves).toBe("false");
    expect(badge.textContent).toContain("Stays on this computer");
    const select = byTestId<HTMLSelectElement>(mounted.container, "assistant-provider");
    await act(() => {
      select.value = "anthropic-1";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(byTestId(mounted.container, "assistant-privacy").textContent).toContain("api.anthropic.com");
  });

  it("streams tokens, shows a tool call collapsed with its result, then the answer", async () => {
    const s = shell([local], started);
    mounted = mount(<Assistant />, fakeServices(s.client));
    await flush();
    await ask(mounted.container, "dividends last year?");
    const streamId = s.lastStream();
    const emit = (data: unknown) => act(() => s.client.events.emit("chat", data));
    await emit({ streamId, conversationId: "c1", type: "toolCall", callId: "t1", tool: "get_realized_gains", input: "{\"year\":2025}" });
    const tool = byTestId<HTMLDetailsElement>(mounted.container, "msg-tool");
    expect(tool.open).toBe(false);
    expect(tool.textContent).toContain("running");
    await emit({ streamId, conversationId: "c1", type: "toolResult", callId: "t1", tool: "get_realized_gains", ok: true, result: "{\"total\":\"120.50\"}" });
    expect(tool.dataset.ok).toBe("true");
    expect(byTestId(mounted.container, "msg-tool-result").textContent).toContain("120.50");
    await emit({ streamId, conversationId: "c1", type: "token", text: "You made " });
    await emit({ streamId: "someone-else", conversationId: "c9", type: "token", text: "IGNORED" });
    await emit({ streamId, conversationId: "c1", type: "token", text: "**$120.50**." });
    const answer = byTestId(mounted.container, "msg-assistant");
    expect(answer.textContent).toBe("You made $120.50.");
    expect(answer.querySelector("strong")?.textContent).toBe("$120.50");
    expect(byTestId(mounted.container, "assistant-stop")).toBeTruthy();
    await emit({ streamId, conversationId: "c1", type: "done" });
    expect(queryTestId(mounted.container, "assistant-stop")).toBeNull();
    expect(byTestId(mounted.container, "msg-user").textContent).toBe("dividends last year?");
  });

  it("Stop cancels the running answer", async () => {
    const s = shell([local], started);
    mounted = mount(<Assistant />, fakeServices(s.client));
    await flush();
    await ask(mounted.container, "long answer please");
    await click(byTestId(mounted.container, "assistant-stop"));
    expect(s.client.calls.find((c) => c.method === "llm.cancel")?.params).toEqual({ streamId: s.lastStream() });
    await act(() =>
      s.client.events.emit("chat", { streamId: s.lastStream(), conversationId: "c1", type: "error", error: { code: "CANCELLED", message: "cancelled" } }),
    );
    expect(byTestId(mounted.container, "assistant-error").textContent).toBe("Stopped.");
  });

  it("asks for consent before a cloud provider gets anything, then sends", async () => {
    let chats = 0;
    const s = shell([{ ...cloud, isDefault: true }], (p) => {
      chats++;
      return chats === 1 ? { ok: false, error: { code: "CONSENT_REQUIRED", message: "needs consent" } } : started(p);
    });
    mounted = mount(<Assistant />, fakeServices(s.client));
    await flush();
    await ask(mounted.container, "retire at 55?");
    const dialog = byTestId(mounted.container, "assistant-consent");
    expect(dialog.textContent).toContain("api.anthropic.com");
    expect(dialog.textContent).toContain("your holdings");
    expect(queryTestId(mounted.container, "msg-user")).toBeNull();
    await click(byTestId(mounted.container, "assistant-consent-agree"));
    expect(s.client.calls.find((c) => c.method === "llm.consent.set")?.params).toEqual({ providerId: "anthropic-1", granted: true });
    expect(chats).toBe(2);
    expect(queryTestId(mounted.container, "assistant-consent")).toBeNull();
    expect(byTestId(mounted.container, "msg-user").textContent).toBe("retire at 55?");
  });

  it("shows an actionable error when the provider is not running", async () => {
    const s = shell([local], () => ({
      ok: false,
      error: { code: "UPSTREAM", message: "LM Studio is not running at http://localhost:1234/v1. Start LM Studio, or pick another provider." },
    }));
    mounted = mount(<Assistant />, fakeServices(s.client));
    await flush();
    await ask(mounted.container, "hello");
    const error = byTestId(mounted.container, "assistant-error");
    expect(error.textContent).toContain("Start LM Studio");
    expect(error.getAttribute("role")).toBe("alert");
    expect(queryTestId(mounted.container, "assistant-send")).toBeTruthy();
  });
});

import { useEffect, useRef, useState } from "preact/hooks";
import { useServices } from "../app/services";
import { Markdown } from "../components/Markdown";
import type { ApiError, LlmConversationSummary, LlmProvider, LlmTool } from "../generated/api";
import { newRequestId } from "../ipc/requestId";
import { errorText } from "../ipc/result";
import { applyEvent, asChatEvent, type Item } from "./assistant/chatEvents";

/** Where a provider's answers are computed, in words. */
export function privacyText(p: LlmProvider): string {
  if (!p.leavesMachine) return "Stays on this computer";
  return `Leaves this computer: sent to ${hostOf(p.baseUrl)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function Assistant() {
  const { client } = useServices();
  const api = client.api.llm;
  const [providers, setProviders] = useState<LlmProvider[]>([]);
  const [providerId, setProviderId] = useState<string | null>(null);
  const [tools, setTools] = useState<LlmTool[]>([]);
  const [conversations, setConversations] = useState<LlmConversationSummary[]>([]);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [input, setInput] = useState("");
  const [streaming, setStreaming] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [consent, setConsent] = useState<{ provider: LlmProvider; message: string } | null>(null);
  const stream = useRef<string | null>(null);

  const loadProviders = async () => {
    const r = await api.providers.list();
    if (!r.ok) return setError(r.error);
    setProviders(r.data);
    setProviderId((current) => current ?? r.data.find((p) => p.isDefault)?.id ?? r.data[0]?.id ?? null);
  };
  const loadConversations = async () => {
    const r = await api.conversations.list();
    if (r.ok) setConversations(r.data);
  };

  useEffect(() => {
    void loadProviders();
    void loadConversations();
    void api.tools().then((r) => r.ok && setTools(r.data));
    return client.events.on("chat", (data) => {
      const e = asChatEvent(data);
      if (!e || e.streamId !== stream.current) return;
      if (e.type === "done" || e.type === "error") {
        stream.current = null;
        setStreaming(null);
        if (e.type === "error") setError(e.error);
        void loadConversations();
        return;
      }
      setItems((current) => applyEvent(current, e));
    });
  }, [client]);

  const provider = providers.find((p) => p.id === providerId) ?? null;

  const send = async (message: string) => {
    if (!message.trim() || streaming) return;
    setError(null);
    const streamId = newRequestId();
    stream.current = streamId;
    setStreaming(streamId);
    setItems((current) => [...current, { kind: "user", text: message }]);
    setInput("");
    const r = await api.chat({ message, conversationId, providerId, streamId });
    if (r.ok) {
      setConversationId(r.data.conversationId);
      return;
    }
    stream.current = null;
    setStreaming(null);
    if (r.error.code === "CONSENT_REQUIRED" && provider) {
      // Nothing was sent: take the question back and ask first.
      setItems((current) => current.slice(0, -1));
      setInput(message);
      setConsent({ provider, message });
    } else {
      setError(r.error);
    }
  };

  const agree = async () => {
    if (!consent) return;
    const r = await api.consent.set({ providerId: consent.provider.id, granted: true });
    const message = consent.message;
    setConsent(null);
    if (!r.ok) return setError(r.error);
    await loadProviders();
    await send(message);
  };

  const stop = () => {
    if (streaming) void api.cancel({ streamId: streaming });
  };

  const open = async (id: string) => {
    if (streaming) return;
    const r = await api.conversations.get({ conversationId: id });
    if (!r.ok) return setError(r.error);
    setConversationId(id);
    setError(null);
    setItems(
      r.data.messages.map((m, i): Item =>
        m.role === "tool"
          ? { kind: "tool", callId: `saved-${i}`, tool: m.toolName ?? "tool", input: m.toolInput ?? "", result: m.content, ok: true }
          : { kind: m.role === "user" ? "user" : "assistant", text: m.content },
      ),
    );
  };

  const remove = async (id: string) => {
    const r = await api.conversations.delete({ conversationId: id });
    if (!r.ok) return setError(r.error);
    if (id === conversationId) fresh();
    void loadConversations();
  };

  const fresh = () => {
    if (streaming) return;
    setConversationId(null);
    setItems([]);
    setError(null);
  };

  return (
    <div class="assistant">
      <h1>Assistant</h1>
      <div class="assistant-bar">
        <label for="assistant-provider">Model provider</label>{" "}
        <select
          id="assistant-provider"
          data-testid="assistant-provider"
          value={providerId ?? ""}
          disabled={streaming !== null}
          onChange={(e) => setProviderId((e.currentTarget as HTMLSelectElement).value)}
        >
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.model ? ` · ${p.model}` : ""}
            </option>
          ))}
        </select>{" "}
        {provider && (
          <span
            class={provider.leavesMachine ? "badge warn" : "badge ok"}
            data-testid="assistant-privacy"
            data-leaves={String(provider.leavesMachine)}
          >
            {privacyText(provider)}
          </span>
        )}
      </div>
      <div class="assistant-layout">
        <aside class="assistant-history" aria-label="Conversations">
          <button type="button" class="button" data-testid="assistant-new" disabled={streaming !== null} onClick={fresh}>
            New conversation
          </button>
          <ul>
            {conversations.map((c) => (
              <li key={c.id} class={c.id === conversationId ? "current" : undefined}>
                <button type="button" class="link-button" data-testid={`conversation-${c.id}`} onClick={() => void open(c.id)}>
                  {c.title}
                </button>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={`Delete conversation ${c.title}`}
                  data-testid={`conversation-delete-${c.id}`}
                  onClick={() => void remove(c.id)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </aside>
        <section class="assistant-chat" aria-label="Chat">
          <div class="assistant-messages" data-testid="assistant-messages" aria-live="polite">
            {items.length === 0 && (
              <p class="muted">
                Ask about your portfolio, e.g. “How much did I make on dividends last year?” or “What if I retire at 55 with
                4% withdrawals?”
              </p>
            )}
            {items.map((it, i) => {
              if (it.kind === "user")
                return (
                  <div key={i} class="msg user" data-testid="msg-user">
                    {it.text}
                  </div>
                );
              if (it.kind === "assistant")
                return (
                  <div key={i} class="msg assistant" data-testid="msg-assistant">
                    <Markdown text={it.text} />
                  </div>
                );
              return (
                <details key={i} class="msg tool" data-testid="msg-tool" data-tool={it.tool} data-ok={it.ok === null ? undefined : String(it.ok)}>
                  <summary>
                    Tool: <code>{it.tool}</code> {it.ok === null ? "running…" : it.ok ? "done" : "failed"}
                  </summary>
                  <p>Input</p>
                  <pre>{it.input}</pre>
                  {it.result !== null && (
                    <>
                      <p>Result</p>
                      <pre data-testid="msg-tool-result">{it.result}</pre>
                    </>
                  )}
                </details>
              );
            })}
            {streaming && (
              <p class="muted" data-testid="assistant-streaming">
                Answering…
              </p>
            )}
          </div>
          {error && (
            <p class="form-error" role="alert" data-testid="assistant-error" data-code={error.code}>
              {error.code === "CANCELLED" ? "Stopped." : errorText(error)}
            </p>
          )}
          {consent && (
            <div class="warning consent" role="dialog" aria-labelledby="consent-title" data-testid="assistant-consent">
              <h2 id="consent-title">Send to {consent.provider.name}?</h2>
              <p>
                {consent.provider.name} runs outside this computer ({hostOf(consent.provider.baseUrl)}). Your question, this
                conversation and the results of any tools the model uses will be sent there:
              </p>
              <ul>
                {tools.map((t) => (
                  <li key={t.name}>
                    <code>{t.name}</code>: {t.sends}
                  </li>
                ))}
              </ul>
              <p>You can take this back at any time in Settings.</p>
              <div class="actions">
                <button type="button" class="button primary" data-testid="assistant-consent-agree" onClick={() => void agree()}>
                  Agree and send
                </button>
                <button type="button" class="button" data-testid="assistant-consent-cancel" onClick={() => setConsent(null)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
          <form
            class="assistant-input"
            onSubmit={(e) => {
              e.preventDefault();
              void send(input);
            }}
          >
            <label for="assistant-question" class="visually-hidden">
              Your question
            </label>
            <textarea
              id="assistant-question"
              data-testid="assistant-input"
              rows={3}
              value={input}
              placeholder="Ask about your portfolio…"
              onInput={(e) => setInput((e.currentTarget as HTMLTextAreaElement).value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey) {
                  e.preventDefault();
                  void send(input);
                }
              }}
            />
            <div class="actions">
              {streaming ? (
                <button type="button" class="button danger" data-testid="assistant-stop" onClick={stop}>
                  Stop
                </button>
              ) : (
                <button type="submit" class="button primary" data-testid="assistant-send" disabled={!input.trim() || !provider}>
                  Send
                </button>
              )}
            </div>
          </form>
        </section>
      </div>
    </div>
  );
}

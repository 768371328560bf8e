import { useEffect, useState } from "preact/hooks";
import { useServices } from "../../app/services";
import type { ApiError, LlmProvider, LlmProviderKind } from "../../generated/api";
import { errorText } from "../../ipc/result";

const KINDS: { kind: LlmProviderKind; label: string }[] = [
  { kind: "lmStudio", label: "LM Studio (local)" },
  { kind: "ollama", label: "Ollama (local)" },
  { kind: "openaiCompatible", label: "OpenAI-compatible endpoint" },
  { kind: "openai", label: "OpenAI (cloud)" },
  { kind: "openrouter", label: "OpenRouter (cloud)" },
  { kind: "anthropic", label: "Anthropic (cloud)" },
];

/** Settings → Assistant: the model providers, where each sends data, and the consent given to it. */
export function ProviderSettings() {
  const { client, toasts } = useServices();
  const api = client.api.llm;
  const [providers, setProviders] = useState<LlmProvider[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tested, setTested] = useState<Record<string, string>>({});
  const [name, setName] = useState("");
  const [kind, setKind] = useState<LlmProviderKind>("ollama");
  const [baseUrl, setBaseUrl] = useState("");
  const [model, setModel] = useState("");

  const load = async () => {
    const r = await api.providers.list();
    if (r.ok) setProviders(r.data);
    else setError(r.error);
  };
  useEffect(() => void load(), [client]);

  const run = async (action: () => Promise<{ ok: boolean; error?: ApiError }>, done: string) => {
    const r = await action();
    if (!r.ok && r.error) return setError(r.error);
    setError(null);
    toasts.info(done);
    await load();
  };

  const test = async (p: LlmProvider) => {
    setTested((t) => ({ ...t, [p.id]: "Testing…" }));
    const r = await api.providers.test({ providerId: p.id });
    setTested((t) => ({ ...t, [p.id]: r.ok ? `${r.data.ok ? "OK" : r.data.code}: ${r.data.message}` : errorText(r.error) }));
  };

  const add = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return setError({ code: "INVALID_PARAMS", message: "name: enter a name", field: "name" });
    await run(
      () => api.providers.add({ name, kind, baseUrl: baseUrl.trim() || null, model: model.trim() || null }),
      `${name} added.`,
    );
    setName("");
    setBaseUrl("");
    setModel("");
  };

  return (
    <section class="card" aria-labelledby="settings-assistant">
      <h2 id="settings-assistant">Assistant</h2>
      <p>
        Local providers answer on this computer. A cloud provider gets your question and the data of the tools it uses only
        after you agree; you can take that back here at any time.
      </p>
      {error && (
        <p class="form-error" role="alert" data-testid="providers-error">
          {errorText(error)}
        </p>
      )}
      {providers && (
        <table class="simple-table" data-testid="providers-table">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Address</th>
              <th scope="col">Data</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {providers.map((p) => (
              <tr key={p.id} data-testid={`provider-row-${p.id}`}>
                <th scope="row">
                  {p.name}
                  {p.isDefault ? " (default)" : ""}
                  <br />
                  <small class="muted">
                    {p.model ?? "first model offered"}
                    {p.keyName ? ` · key "${p.keyName}" ${p.keySet ? "stored" : "not set"}` : ""}
                  </small>
                </th>
                <td class="url">{p.baseUrl}</td>
                <td data-testid={`provider-consent-${p.id}`}>
                  {!p.leavesMachine ? "Stays on this computer" : p.consented ? "Leaves this computer: allowed" : "Leaves this computer: not allowed yet"}
                </td>
                <td>
                  <div class="actions">
                    {p.leavesMachine && p.consented && (
                      <button
                        type="button"
                        class="button danger"
                        data-testid={`provider-revoke-${p.id}`}
                        onClick={() => void run(() => api.consent.set({ providerId: p.id, granted: false }), `${p.name} may no longer receive data.`)}
                      >
                        Revoke consent
                      </button>
                    )}
                    {!p.isDefault && (
                      <button
                        type="button"
                        class="button"
                        data-testid={`provider-default-${p.id}`}
                        onClick={() => void run(() => api.providers.setDefault({ providerId: p.id }), `${p.name} is the default.`)}
                      >
                        Make default
                      </button>
                    )}
                    <button type="button" class="button" data-testid={`provider-test-${p.id}`} onClick={() => void test(p)}>
                      Test
                    </button>
                    <button
                      type="button"
                      class="button subtle"
                      data-testid={`provider-remove-${p.id}`}
                      onClick={() => void run(() => api.providers.remove({ providerId: p.id }), `${p.name} removed.`)}
                    >
                      Remove
                    </button>
                  </div>
                  {tested[p.id] && <p data-testid={`provider-test-result-${p.id}`}>{tested[p.id]}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="provider-add" data-testid="provider-add" onSubmit={(e) => void add(e)}>
        <h3>Add a provider</h3>
        <div class="field">
          <label for="provider-name">Name</label>
          <input id="provider-name" data-testid="provider-add-name" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="provider-kind">Kind</label>
          <select id="provider-kind" data-testid="provider-add-kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as LlmProviderKind)}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="provider-url">Address (leave empty for the usual one)</label>
          <input id="provider-url" data-testid="provider-add-url" value={baseUrl} onInput={(e) => setBaseUrl((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="provider-model">Model (leave empty for the first one offered)</label>
          <input id="provider-model" data-testid="provider-add-model" value={model} onInput={(e) => setModel((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <p class="field-hint">Cloud providers read their API key from Settings → API keys (openai, openrouter, anthropic).</p>
        <button type="submit" class="button primary" data-testid="provider-add-submit">
          Add
        </button>
      </form>
    </section>
  );
}

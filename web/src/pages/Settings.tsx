import { useEffect, useState } from "preact/hooks";
import { useServices } from "../app/services";
import { BackupSection } from "./Backup";
import { FormError, TextField, useFieldErrors } from "../components/Form";
import type { ApiError, DataSource, SecretsBackend } from "../generated/api";
import { errorText } from "../ipc/result";
import { useStore } from "../state/store";
import { ProviderSettings } from "./assistant/ProviderSettings";
import type { ThemeChoice } from "../state/theme";

/** The API keys the app knows how to use. `name` is the secrets.* name. */
export const KNOWN_SECRETS = [
  { name: "fred", label: "FRED (St. Louis Fed)", hint: "Free key from fred.stlouisfed.org, used for macro series." },
  { name: "openai", label: "OpenAI", hint: "Used only when you send a question to an OpenAI model." },
  { name: "anthropic", label: "Anthropic", hint: "Used only when you send a question to a Claude model." },
  { name: "openrouter", label: "OpenRouter", hint: "Used only when you send a question to a model through OpenRouter." },
] as const;

type Loaded<T> = { state: "loading" } | { state: "ok"; data: T } | { state: "error"; error: ApiError };

export function Settings() {
  return (
    <>
      <h1>Settings</h1>
      <DataFolder />
      <Appearance />
      <BaseCurrency />
      <ApiKeys />
      <ProviderSettings />
      <DataSources />
      <BackupSection />
    </>
  );
}

function DataFolder() {
  const { sidecar } = useServices();
  const info = useStore(sidecar.status).info;
  return (
    <section class="card" aria-labelledby="settings-data">
      <h2 id="settings-data">Data folder</h2>
      <p>All your data lives here, on this computer.</p>
      <code data-testid="settings-data-dir">{info?.shell?.dataDir ?? info?.sidecar?.dataDir ?? "—"}</code>
    </section>
  );
}

function Appearance() {
  const { theme } = useServices();
  const choice = useStore(theme);
  return (
    <section class="card" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">Appearance</h2>
      <label for="settings-theme">Theme</label>{" "}
      <select
        id="settings-theme"
        data-testid="settings-theme-select"
        value={choice}
        onChange={(e) => theme.choose((e.currentTarget as HTMLSelectElement).value as ThemeChoice)}
      >
        <option value="system">Same as the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </section>
  );
}

/** The preference the shell puts into every valuation (docs/settings.md). */
export const BASE_CURRENCY_KEY = "portfolio.baseCurrency";
const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK"];

function BaseCurrency() {
  const { client } = useServices();
  const [current, setCurrent] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void client.api.settings.get({ key: BASE_CURRENCY_KEY }).then((r) => {
      if (r.ok) setCurrent(r.data.value ?? "USD");
      else setError(r.error);
    });
  }, [client]);

  const choose = async (value: string) => {
    const r = await client.api.settings.set({ key: BASE_CURRENCY_KEY, value });
    if (r.ok) {
      setCurrent(value);
      setError(null);
    } else setError(r.error);
  };

  const options = current && !COMMON_CURRENCIES.includes(current) ? [current, ...COMMON_CURRENCIES] : COMMON_CURRENCIES;
  return (
    <section class="card" aria-labelledby="settings-currency">
      <h2 id="settings-currency">Base currency</h2>
      <p>
        Net worth, history and performance are shown in this currency. Holdings and cash in other currencies are converted with each
        day's FX rate, synced with prices.
      </p>
      <label for="settings-base-currency">Currency</label>{" "}
      <select
        id="settings-base-currency"
        data-testid="settings-base-currency"
        value={current ?? ""}
        disabled={current === null}
        onChange={(e) => void choose((e.currentTarget as HTMLSelectElement).value)}
      >
        {current === null && <option value="">…</option>}
        {options.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      {error && (
        <p class="error" role="alert" data-testid="settings-base-currency-error">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}

function ApiKeys() {
  const { client } = useServices();
  const [backend, setBackend] = useState<Loaded<SecretsBackend>>({ state: "loading" });
  useEffect(() => {
    void client.api.secrets.status().then((r) => setBackend(r.ok ? { state: "ok", data: r.data } : { state: "error", error: r.error }));
  }, [client]);

  return (
    <section class="card" aria-labelledby="settings-keys">
      <h2 id="settings-keys">API keys</h2>
      <p>
        Keys are encrypted on this computer. This page can store, replace or delete a key and shows whether one is stored, but
        never displays a stored key.
      </p>
      <p data-testid="settings-keyring-status" data-backend={backend.state === "ok" ? backend.data.backend : undefined}>
        {backend.state === "loading"
          ? "Checking where keys are protected…"
          : backend.state === "error"
            ? `Key storage is unavailable (${errorText(backend.error)}).`
            : backend.data.backend === "KEYRING"
              ? `Protected by your system keyring. ${backend.data.detail}`
              : "Protected by a key file (no system keyring found)."}
      </p>
      {backend.state === "ok" && backend.data.backend === "FILE" && (
        <p class="warning" role="note" data-testid="settings-keyring-warning">
          No system keyring is available, so the master key that encrypts your API keys is kept in a file that only your user
          account can read. Anyone who can read your files can use your keys. {backend.data.detail}
        </p>
      )}
      <div class="secret-list">
        {KNOWN_SECRETS.map((s) => (
          <SecretRow key={s.name} name={s.name} label={s.label} hint={s.hint} />
        ))}
      </div>
    </section>
  );
}

export function SecretRow({ name, label, hint }: { name: string; label: string; hint: string }) {
  const { client, toasts } = useServices();
  const [stored, setStored] = useState<boolean | null>(null);
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useFieldErrors(["value"]);

  useEffect(() => {
    void client.api.secrets.has({ name }).then((r) => {
      if (r.ok) setStored(r.data.stored);
      else form.fromServer(r.error);
    });
  }, [client, name]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!form.check(value.trim() === "" ? { value: "Enter a key first." } : {})) return;
    setBusy(true);
    const result = await client.api.secrets.set({ name, value });
    setBusy(false);
    if (result.ok) {
      setValue("");
      setStored(true);
      form.clear();
      toasts.info(`${label} key saved.`);
    } else {
      form.fromServer(result.error);
    }
  };

  const remove = async () => {
    setBusy(true);
    const result = await client.api.secrets.delete({ name });
    setBusy(false);
    if (result.ok) {
      setStored(false);
      form.clear();
      toasts.info(`${label} key deleted.`);
    } else {
      form.fromServer(result.error);
    }
  };

  return (
    <form class="secret-row" data-testid={`secret-row-${name}`} onSubmit={(e) => void save(e)}>
      <div class="secret-head">
        <strong>{label}</strong>{" "}
        <span class={stored ? "badge ok" : "badge"} data-testid={`secret-status-${name}`} data-stored={stored === null ? undefined : String(stored)}>
          {stored === null ? "…" : stored ? "Stored" : "Not set"}
        </span>
      </div>
      <TextField
        id={`secret-${name}`}
        label={stored ? `New ${label} key (replaces the stored one)` : `${label} key`}
        type="password"
        autoComplete="new-password"
        value={value}
        onValue={setValue}
        error={form.errors.value}
        hint={hint}
        testId={`secret-input-${name}`}
      />
      <FormError message={form.formError} testId={`secret-error-${name}`} />
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy} data-testid={`secret-save-${name}`}>
          {stored ? "Replace" : "Save"}
        </button>
        <button type="button" class="button danger" disabled={busy || !stored} data-testid={`secret-delete-${name}`} onClick={() => void remove()}>
          Delete
        </button>
      </div>
    </form>
  );
}

function DataSources() {
  const { client } = useServices();
  const [sources, setSources] = useState<Loaded<DataSource[]>>({ state: "loading" });
  const load = () =>
    void client.api.dataSources.list().then((r) => setSources(r.ok ? { state: "ok", data: r.data } : { state: "error", error: r.error }));
  useEffect(load, [client]);

  return (
    <section class="card" aria-labelledby="settings-sources">
      <h2 id="settings-sources">Data sources</h2>
      <p>Where market data comes from. Only enabled sources are contacted, no faster than their rate limit.</p>
      {sources.state === "loading" && <p>Loading…</p>}
      {sources.state === "error" && (
        <p class="form-error" data-testid="datasources-error">
          {errorText(sources.error)}
        </p>
      )}
      {sources.state === "ok" && sources.data.length === 0 && <p>No data sources are configured.</p>}
      {sources.state === "ok" && sources.data.length > 0 && (
        <table class="simple-table" data-testid="datasources-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Base URL</th>
              <th scope="col" class="num">
                Requests / min
              </th>
              <th scope="col">Enabled</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.data.map((s) => (
              <DataSourceRow key={s.id} source={s} onSaved={load} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const SOURCE_FIELDS = ["baseUrl", "rateLimitPerMinute", "enabled"] as const;

/** Client-side checks before sending; the server validates again and names the field. */
export function validateSource(baseUrl: string, rate: string): Record<string, string> {
  const errors: Record<string, string> = {};
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") errors.baseUrl = "Use an http:// or https:// address.";
  } catch {
    errors.baseUrl = "Enter a full address, e.g. https://example.com/api.";
  }
  if (!/^\d+$/.test(rate.trim())) errors.rateLimitPerMinute = "Enter a whole number of requests per minute.";
  return errors;
}

export function DataSourceRow({ source, onSaved }: { source: DataSource; onSaved: () => void }) {
  const { client, toasts } = useServices();
  const [editing, setEditing] = useState(false);
  const [baseUrl, setBaseUrl] = useState(source.baseUrl);
  const [rate, setRate] = useState(String(source.rateLimitPerMinute));
  const [enabled, setEnabled] = useState(source.enabled);
  const [busy, setBusy] = useState(false);
  const form = useFieldErrors(SOURCE_FIELDS);
  const id = source.id;

  const start = () => {
    setBaseUrl(source.baseUrl);
    setRate(String(source.rateLimitPerMinute));
    setEnabled(source.enabled);
    form.clear();
    setEditing(true);
  };

  const save = async () => {
    if (!form.check(validateSource(baseUrl, rate))) return;
    setBusy(true);
    const result = await client.api.dataSources.update({ id, baseUrl, rateLimitPerMinute: Number(rate.trim()), enabled });
    setBusy(false);
    if (result.ok) {
      setEditing(false);
      toasts.info(`${source.name} saved.`);
      onSaved();
    } else {
      form.fromServer(result.error);
    }
  };

  if (!editing) {
    return (
      <tr data-testid={`datasource-row-${id}`}>
        <th scope="row">{source.name}</th>
        <td>{source.kind}</td>
        <td class="url">{source.baseUrl}</td>
        <td class="num">{source.rateLimitPerMinute}</td>
        <td>{source.enabled ? "Yes" : "No"}</td>
        <td>
          <button type="button" class="button" data-testid={`datasource-edit-${id}`} aria-label={`Edit ${source.name}`} onClick={start}>
            Edit
          </button>
        </td>
      </tr>
    );
  }
  return (
    <tr data-testid={`datasource-row-${id}`} class="editing">
      <th scope="row">{source.name}</th>
      <td>{source.kind}</td>
      <td>
        <TextField
          id={`datasource-baseUrl-${id}`}
          label={`Base URL for ${source.name}`}
          hideLabel
          type="url"
          value={baseUrl}
          onValue={setBaseUrl}
          error={form.errors.baseUrl}
          testId={`datasource-baseUrl-${id}`}
        />
      </td>
      <td class="num">
        <TextField
          id={`datasource-rate-${id}`}
          label={`Requests per minute for ${source.name}`}
          hideLabel
          type="number"
          value={rate}
          onValue={setRate}
          error={form.errors.rateLimitPerMinute}
          testId={`datasource-rate-${id}`}
        />
      </td>
      <td>
        <input
          type="checkbox"
          checked={enabled}
          aria-label={`${source.name} enabled`}
          data-testid={`datasource-enabled-${id}`}
          onChange={(e) => setEnabled((e.currentTarget as HTMLInputElement).checked)}
        />
        {form.errors.enabled && <p class="field-error">{form.errors.enabled}</p>}
      </td>
      <td>
        <div class="actions">
          <button type="button" class="button primary" disabled={busy} data-testid={`datasource-save-${id}`} onClick={() => void save()}>
            Save
          </button>
          <button type="button" class="button" disabled={busy} data-testid={`datasource-cancel-${id}`} onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
        <FormError message={form.formError} testId={`datasource-error-${id}`} />
      </td>
    </tr>
  );
}

import { useEffect, useState } from "preact/hooks";
import { hrefFor } from "../app/router";
import { useServices } from "../app/services";
import { EmptyState } from "../components/EmptyState";
import { errorText } from "../ipc/result";
import { useStore } from "../state/store";

type Ping = { state: "pending" } | { state: "ok"; ms: number; version: string } | { state: "error"; code: string; text: string };

export function Dashboard() {
  const { client, sidecar } = useServices();
  const status = useStore(sidecar.status);
  const [ping, setPing] = useState<Ping>({ state: "pending" });

  const measure = async () => {
    setPing({ state: "pending" });
    const started = performance.now();
    const result = await client.api.system.ping({});
    const ms = performance.now() - started;
    setPing(result.ok ? { state: "ok", ms, version: result.data.version } : { state: "error", code: result.error.code, text: errorText(result.error) });
  };

  useEffect(() => {
    void measure();
  }, []);

  const shellVersion = status.info?.shell?.version;
  const engineVersion = status.info?.sidecar?.version ?? (ping.state === "ok" ? ping.version : undefined);

  return (
    <>
      <h1>Dashboard</h1>
      <div class="cards">
        <section class="card" aria-labelledby="engine-card">
          <h2 id="engine-card">Engine</h2>
          <dl class="facts">
            <dt>Response time</dt>
            <dd data-testid="dashboard-ping" data-state={ping.state} title={ping.state === "error" ? ping.text : undefined}>
              {ping.state === "pending" ? "Measuring…" : ping.state === "ok" ? `${ping.ms.toFixed(1)} ms` : `No answer (${ping.code})`}
            </dd>
            <dt>Version</dt>
            <dd data-testid="dashboard-version">
              {shellVersion ?? engineVersion ?? "—"}
              {shellVersion && engineVersion && engineVersion !== shellVersion ? ` (engine ${engineVersion})` : ""}
            </dd>
            <dt>Engine state</dt>
            <dd data-testid="dashboard-sidecar-state">{status.state === "UNKNOWN" ? "—" : status.state}</dd>
          </dl>
          <button type="button" class="button" data-testid="dashboard-ping-refresh" onClick={() => void measure()}>
            Measure again
          </button>
        </section>
      </div>
      <EmptyState title="Welcome to PortfolioOS">
        <p>Your portfolio is empty. Start in two steps:</p>
        <ol>
          <li>Create an account for each brokerage or bank account you hold.</li>
          <li>Import your broker's CSV export of transactions.</li>
        </ol>
        <p>
          <a class="button primary" href={hrefFor("accounts")} data-testid="empty-state-action">
            Create an account
          </a>{" "}
          <a class="button" href={hrefFor("transactions")}>
            Import a CSV
          </a>
        </p>
        <p class="muted">Everything stays on this computer unless you choose to send it to a cloud model.</p>
      </EmptyState>
    </>
  );
}

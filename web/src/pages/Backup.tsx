import { useState } from "preact/hooks";
import { useServices } from "../app/services";
import { FileDrop } from "../components/FileDrop";

/**
 * Settings → Backup and restore: one archive of both databases (secrets stay encrypted; their
 * master key is not in it), and a restore that checks the archive before it touches anything.
 */
export function BackupSection() {
  const { client, toasts } = useServices();
  const [busy, setBusy] = useState<"backup" | "restore" | null>(null);
  const [archive, setArchive] = useState<string | null>(null);

  const backup = async () => {
    const chosen = await client.api.dialogs.saveFile({
      title: "Back up PortfolioOS",
      suggestedName: `portfolioos-backup-${new Date().toISOString().slice(0, 10)}.zip`,
      filters: [{ name: "Backup", extensions: ["zip"] }],
    });
    if (!chosen.ok) {
      toasts.error(chosen.error);
      return;
    }
    const path = chosen.data.path;
    if (!path) return;
    setBusy("backup");
    const result = await client.api.data.backup({ path });
    setBusy(null);
    if (!result.ok) {
      toasts.error(result.error);
      return;
    }
    toasts.info(`Backup written to ${result.data.path}`);
    const url = chosen.data.downloadUrl;
    if (url) {
      const link = document.createElement("a");
      link.href = url;
      link.download = path.split(/[\\/]/).pop() ?? "portfolioos-backup.zip";
      document.body.appendChild(link);
      link.click();
      link.remove();
    }
  };

  const restore = async () => {
    if (!archive) return;
    setBusy("restore");
    const result = await client.api.data.restore({ path: archive });
    setBusy(null);
    setArchive(null);
    if (!result.ok) {
      toasts.error(result.error);
      return;
    }
    toasts.info(`Restored the backup of ${result.data.manifest.createdAt}. Re-enter your API keys if this is a new machine.`);
  };

  return (
    <section class="card" aria-labelledby="settings-backup" data-testid="backup-section">
      <h2 id="settings-backup">Backup and restore</h2>
      <p>
        A backup holds all your accounts, transactions and settings in one file. API keys stay encrypted and their
        key is not in the backup: after restoring on another machine, enter them again.
      </p>
      <button type="button" disabled={busy !== null} onClick={() => void backup()}>
        {busy === "backup" ? "Backing up…" : "Back up now"}
      </button>
      <FileDrop
        upload={client.upload}
        pick={client.mode === "desktop" ? () => client.api.dialogs.openFile({ title: "Restore a backup", filters: [{ name: "PortfolioOS backups", extensions: ["zip"] }] }) : undefined}
        accept=".zip,application/zip"
        label="Drop a backup here to restore it"
        testId="restore-drop"
        onUploaded={(path) => setArchive(path)}
      />
      {archive && (
        <p>
          Restoring replaces all current data with the backup. The backup is checked first; if anything fails, your
          current data stays.{" "}
          <button type="button" disabled={busy !== null} onClick={() => void restore()}>
            {busy === "restore" ? "Restoring…" : "Restore"}
          </button>{" "}
          <button type="button" disabled={busy !== null} onClick={() => setArchive(null)}>
            Cancel
          </button>
        </p>
      )}
    </section>
  );
}

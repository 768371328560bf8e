import { useRef, useState } from "preact/hooks";
import type { OpenedPath, Result } from "../generated/api";
import type { Uploader } from "../ipc/http";
import { errorText } from "../ipc/result";

interface FileDropProps {
  upload: Uploader;
  /** The file's local path and its name. */
  onUploaded: (path: string, name: string) => void;
  /**
   * The desktop window's native open dialog: when given, "Choose file…" asks it for a path on this
   * computer instead of uploading a copy.
   */
  pick?: () => Promise<Result<OpenedPath>>;
  /** e.g. ".csv,text/csv" */
  accept?: string;
  label?: string;
  testId?: string;
}

/** Drop files here or pick them with a button; each is uploaded and reported by its local path. */
export function FileDrop({ upload, onUploaded, pick, accept, label = "Drop a file here", testId = "file-drop" }: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    setError(null);
    for (const file of Array.from(files)) {
      const result = await upload(file);
      if (result.ok) onUploaded(result.data.path, file.name);
      else setError(`${file.name}: ${errorText(result.error)}`);
    }
    setBusy(false);
  };

  const choose = async () => {
    if (!pick) {
      input.current?.click();
      return;
    }
    setError(null);
    const result = await pick();
    if (!result.ok) setError(errorText(result.error));
    else if (result.data.path) onUploaded(result.data.path, result.data.path.split(/[\\/]/).pop() ?? result.data.path);
  };

  return (
    <div
      class={active ? "file-drop active" : "file-drop"}
      data-testid={testId}
      aria-busy={busy ? "true" : undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setActive(true);
      }}
      onDragLeave={() => setActive(false)}
      onDrop={(e) => {
        e.preventDefault();
        setActive(false);
        void send(e.dataTransfer?.files ?? null);
      }}
    >
      <p>{busy ? "Uploading…" : label}</p>
      <button type="button" class="button" disabled={busy} data-testid={`${testId}-button`} onClick={() => void choose()}>
        Choose file…
      </button>
      <input
        ref={input}
        type="file"
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={accept}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          const el = e.currentTarget as HTMLInputElement;
          void send(el.files).then(() => (el.value = ""));
        }}
      />
      {error && (
        <p class="field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

import { useEffect, useRef, useState } from "preact/hooks";
import type { CallOptions, Progress, Result } from "../generated/api";

export interface Task<K extends string> {
  /** Which task is running, or null. */
  running: K | null;
  progress: Progress | null;
  /** Runs `call` unless another task is running; resolves to its result (CANCELLED after `cancel`), or null when refused. */
  run<T>(kind: K, call: (options: CallOptions) => Promise<Result<T>>): Promise<Result<T> | null>;
  cancel(): void;
}

/** One cancellable long call at a time, with its progress; cancelled when the page goes away. */
export function useTask<K extends string>(): Task<K> {
  const [running, setRunning] = useState<K | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      controller.current?.abort();
    };
  }, []);

  return {
    running,
    progress,
    async run(kind, call) {
      if (controller.current) return null;
      const abort = new AbortController();
      controller.current = abort;
      setRunning(kind);
      setProgress(null);
      try {
        return await call({ signal: abort.signal, onProgress: (p) => alive.current && setProgress(p) });
      } finally {
        controller.current = null;
        if (alive.current) {
          setRunning(null);
          setProgress(null);
        }
      }
    },
    cancel() {
      controller.current?.abort();
    },
  };
}

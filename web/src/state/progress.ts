import { createStore, type Store } from "./store";

/** One call in flight that reports progress. */
export interface ProgressEntry {
  requestId: string;
  method: string;
  done: number;
  total: number;
  message: string | null;
  startedAt: number;
}

/**
 * Progress of long operations keyed by request id. Transports register every call; an entry
 * becomes visible (has `total > 0`) once its first progress event arrives, and disappears when
 * the call finishes.
 */
export interface ProgressStore extends Store<ReadonlyMap<string, ProgressEntry>> {
  begin(requestId: string, method: string): void;
  report(requestId: string, done: number, total: number, message?: string | null): void;
  end(requestId: string): void;
}

export function createProgressStore(): ProgressStore {
  const store = createStore<ReadonlyMap<string, ProgressEntry>>(new Map());
  const change = (fn: (m: Map<string, ProgressEntry>) => void) =>
    store.update((current) => {
      const next = new Map(current);
      fn(next);
      return next;
    });
  return {
    ...store,
    begin(requestId, method) {
      change((m) =>
        m.set(requestId, { requestId, method, done: 0, total: 0, message: null, startedAt: Date.now() }),
      );
    },
    report(requestId, done, total, message) {
      if (!store.get().has(requestId)) return;
      change((m) => {
        const e = m.get(requestId);
        if (e) m.set(requestId, { ...e, done, total, message: message ?? e.message });
      });
    },
    end(requestId) {
      if (!store.get().has(requestId)) return;
      change((m) => m.delete(requestId));
    },
  };
}

/** The entries that have reported progress, oldest first. */
export function visibleProgress(map: ReadonlyMap<string, ProgressEntry>): ProgressEntry[] {
  return [...map.values()].filter((e) => e.total > 0).sort((a, b) => a.startedAt - b.startedAt);
}

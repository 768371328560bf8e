import type { ApiError } from "../generated/api";
import { errorText } from "../ipc/result";
import { createStore, type Store } from "./store";

export interface Toast {
  id: number;
  kind: "info" | "error";
  text: string;
}

export interface Toasts extends Store<readonly Toast[]> {
  info(text: string): void;
  /** Shows `CODE: message`; never a stack trace. */
  error(error: ApiError): void;
  dismiss(id: number): void;
}

export function createToasts(timeoutMs = { info: 4000, error: 10000 }): Toasts {
  const store = createStore<readonly Toast[]>([]);
  let next = 1;
  const dismiss = (id: number) => store.update((list) => list.filter((t) => t.id !== id));
  const push = (kind: Toast["kind"], text: string) => {
    const id = next++;
    store.update((list) => [...list.slice(-4), { id, kind, text }]);
    setTimeout(() => dismiss(id), timeoutMs[kind]);
  };
  return {
    ...store,
    info: (text) => push("info", text),
    error: (error) => push("error", errorText(error)),
    dismiss,
  };
}

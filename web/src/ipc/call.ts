import type { CallOptions, Result } from "../generated/api";
import type { ProgressStore } from "../state/progress";
import type { EventHub } from "./events";
import { newRequestId } from "./requestId";
import { failure } from "./result";

/** What both transports share: where progress events arrive and where they are shown. */
export interface TransportDeps {
  hub: EventHub;
  progress?: ProgressStore;
  newId?: () => string;
}

/** One call started on the wire: its eventual result and a way to cancel it. */
export interface Started {
  done: Promise<Result<unknown>>;
  cancel(): void;
}

/**
 * Runs one call: gives it a request id, routes progress events carrying that id to the caller
 * and the progress store, and turns an abort into a CANCELLED result (after asking the shell to
 * cancel). Never rejects.
 */
export function runCall(
  deps: TransportDeps,
  method: string,
  options: CallOptions | undefined,
  start: (requestId: string) => Started,
): Promise<Result<unknown>> {
  const signal = options?.signal;
  if (signal?.aborted) return Promise.resolve(failure("CANCELLED", `${method} was cancelled`));
  const requestId = (deps.newId ?? newRequestId)();
  deps.progress?.begin(requestId, method);
  const offProgress = deps.hub.on("progress", (p) => {
    if (p.requestId !== requestId) return;
    deps.progress?.report(requestId, p.done, p.total, p.message);
    options?.onProgress?.({ done: p.done, total: p.total, message: p.message ?? null });
  });
  return new Promise((resolve) => {
    let settled = false;
    let started: Started | undefined;
    const finish = (result: Result<unknown>) => {
      if (settled) return;
      settled = true;
      offProgress();
      deps.progress?.end(requestId);
      signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    const onAbort = () => {
      if (settled) return;
      started?.cancel();
      finish(failure("CANCELLED", `${method} was cancelled`));
    };
    try {
      started = start(requestId);
    } catch (e) {
      finish(failure("INTERNAL", `${method} could not be sent: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    started.done.then(finish, (e: unknown) =>
      finish(failure("INTERNAL", `${method} failed: ${e instanceof Error ? e.message : String(e)}`)),
    );
  });
}

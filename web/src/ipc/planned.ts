import { METHODS, type CallOptions, type MethodName, type Result, type Transport } from "../generated/api";
import { failure } from "./result";

// Typed wrappers for shell methods that the contract is growing (issue 3). Each goes through the
// same transport; until a method appears in the generated METHODS table the wrapper answers
// METHOD_NOT_FOUND locally instead of calling the shell.

/** Whether the contract this UI was built against has `method`. */
export function hasMethod(method: string): boolean {
  return Object.prototype.hasOwnProperty.call(METHODS, method);
}

export function callMethod<T>(
  transport: Transport,
  method: string,
  params: unknown,
  options?: CallOptions,
  has: (method: string) => boolean = hasMethod,
): Promise<Result<T>> {
  if (!has(method)) {
    return Promise.resolve(failure("METHOD_NOT_FOUND", `${method} is not available in this version`));
  }
  return transport(method as MethodName, params, options) as Promise<Result<T>>;
}

/** `has` decides which methods exist (the generated METHODS table; tests may widen it). */
export function createPlannedApi(transport: Transport, has: (method: string) => boolean = hasMethod) {
  const call = <T>(method: string, params: unknown, options?: CallOptions) =>
    callMethod<T>(transport, method, params, options, has);
  return {
    sidecar: {
      restart: () => call<unknown>("system.restartSidecar", {}),
      canRestart: () => has("system.restartSidecar"),
    },
  };
}

export type PlannedApi = ReturnType<typeof createPlannedApi>;

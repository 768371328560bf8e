import { METHODS, type CallOptions, type MethodName, type Result, type Transport } from "../generated/api";
import { failure } from "./result";

// Typed wrappers for shell methods that the contract is growing (issue 3). Each goes through the
// same transport; until a method appears in the generated METHODS table the wrapper answers
// METHOD_NOT_FOUND locally instead of calling the shell.

export interface SettingEntry {
  key: string;
  value: string | null;
}
export interface DataSource {
  id: string;
  name: string;
  kind: string;
  baseUrl: string;
  rateLimitPerMinute: number;
  enabled: boolean;
}
export interface DataSourceUpdate {
  id: string;
  baseUrl?: string;
  rateLimitPerMinute?: number;
  enabled?: boolean;
}
export interface SecretState {
  name: string;
  stored: boolean;
}
export interface SecretsBackend {
  backend: "KEYRING" | "FILE";
  detail: string;
}
export interface FileFilter {
  name: string;
  extensions: string[];
}
export interface SavedPath {
  path: string | null;
}

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
    settings: {
      get: (p: { key: string }) => call<SettingEntry>("settings.get", p),
      set: (p: { key: string; value: string }) => call<unknown>("settings.set", p),
      list: () => call<SettingEntry[]>("settings.list", {}),
    },
    dataSources: {
      list: () => call<DataSource[]>("dataSources.list", {}),
      update: (p: DataSourceUpdate) => call<unknown>("dataSources.update", p),
    },
    secrets: {
      set: (p: { name: string; value: string }) => call<SecretState>("secrets.set", p),
      has: (p: { name: string }) => call<SecretState>("secrets.has", p),
      delete: (p: { name: string }) => call<unknown>("secrets.delete", p),
      status: () => call<SecretsBackend>("secrets.status", {}),
    },
    dialogs: {
      saveFile: (p: { title: string; suggestedName: string; filters: FileFilter[] }) =>
        call<SavedPath>("dialogs.saveFile", p),
    },
    sidecar: {
      restart: () => call<unknown>("system.restartSidecar", {}),
      canRestart: () => has("system.restartSidecar"),
    },
  };
}

export type PlannedApi = ReturnType<typeof createPlannedApi>;

// Generated from the IPC contract (ipc-contract) by TypeScriptClientGenerator.
// Do not edit: run ./mvnw -q -pl ipc-contract compile exec:java@update-ts

export const CONTRACT_VERSION = "0.1.0-SNAPSHOT";

/** An exact decimal, sent as a string so no float ever rounds it. */
export type Decimal = string;
/** An ISO-8601 date, YYYY-MM-DD. */
export type IsoDate = string;
/** An ISO-8601 instant. */
export type IsoInstant = string;

export type ErrorCode =
  | "PARSE_ERROR"
  | "INVALID_REQUEST"
  | "LINE_TOO_LONG"
  | "METHOD_NOT_FOUND"
  | "INVALID_PARAMS"
  | "INTERNAL"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INSUFFICIENT_SHARES"
  | "UPSTREAM"
  | "CANCELLED"
  | "TIMEOUT"
  | "SIDECAR_RESTARTED"
  | "SIDECAR_UNAVAILABLE"
  | "CONSENT_REQUIRED"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "OVERLOADED"
  | "UNSUPPORTED";

export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface Progress {
  done: number;
  total: number;
  message?: string | null;
}

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export type Transport = (
  method: MethodName,
  params: unknown,
  options?: CallOptions,
) => Promise<Result<unknown>>;

export interface PingParams {
  echo?: string | null;
}

export interface Pong {
  pong: boolean;
  pid: number;
  version: string;
  uptimeMs: number;
  echo?: string | null;
}

export interface Empty {}

export interface SystemInfo {
  shell?: ShellInfo | null;
  sidecar?: SidecarInfo | null;
}

export interface ShellInfo {
  version: string;
  pid: number;
  dataDir: string;
  sidecarState: string;
  sidecarRestarts: number;
  sidecarFailure?: string | null;
}

export interface SidecarInfo {
  version: string;
  pid: number;
  dataDir: string;
  duckdbVersion: string;
  schemaVersion: number;
  javaVersion: string;
  uptimeMs: number;
}

export const METHODS = {
  "system.ping": { kind: "read", owner: "sidecar", timeoutMs: 5000 },
  "system.info": { kind: "read", owner: "shell", timeoutMs: 5000 },
  "system.restartSidecar": { kind: "write", owner: "shell", timeoutMs: 5000 },
} as const;

export type MethodName = keyof typeof METHODS;

export function createApi(transport: Transport) {
  const call = <T>(method: MethodName, params: unknown, options?: CallOptions) =>
    transport(method, params, options) as Promise<Result<T>>;
  return {
    system: {
      ping: (params: PingParams = {}, options?: CallOptions) =>
        call<Pong>("system.ping", params, options),
      info: (params: Empty = {}, options?: CallOptions) =>
        call<SystemInfo>("system.info", params, options),
      restartSidecar: (params: Empty = {}, options?: CallOptions) =>
        call<Empty>("system.restartSidecar", params, options),
    },
  };
}

export type Api = ReturnType<typeof createApi>;

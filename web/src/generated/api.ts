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

export interface SimulationRunParams {
  config: SimulationConfig;
}

export interface SimulationResult {
  successRate: number;
  percentiles: SimulationPercentiles;
  medianTerminal: number;
  depletionYears: number[];
  trials: number;
  years: number;
  elapsedMs: number;
  exactPercentiles: boolean;
}

export interface SimulationHistoricalParams {
  years: number;
  allocation: SimulationAllocation;
  withdrawal: WithdrawalConfig;
  from?: number | null;
  to?: number | null;
  lifeEvents?: SimulationLifeEvent[] | null;
  withdrawalTiming?: WithdrawalTiming | null;
  fees?: number | null;
  initialPortfolio?: number | null;
  nominal?: boolean | null;
}

export interface SimulationHistoricalResult {
  successRate: number;
  from: number;
  to: number;
  periods: HistoricalPeriod[];
}

export interface SimulationSensitivityParams {
  config: SimulationConfig;
  parameter: string;
  values: number[];
}

export interface SimulationSensitivityPoint {
  value: number;
  successRate: number;
  p10Terminal: number;
  medianTerminal: number;
  p90Terminal: number;
}

export interface SimulationSafeWithdrawalRateParams {
  config: SimulationConfig;
  targetSuccess: number;
}

export interface SimulationSafeWithdrawalRate {
  rate: number;
  successRate: number;
  initialWithdrawal: number;
  iterations: number;
}

export interface SettingKey {
  key: string;
}

export interface SettingEntry {
  key: string;
  value?: string | null;
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
  baseUrl?: string | null;
  rateLimitPerMinute?: number | null;
  enabled?: boolean | null;
}

export interface SecretValue {
  name: string;
  value: string;
}

export interface SecretState {
  name: string;
  stored: boolean;
}

export interface SecretName {
  name: string;
}

export interface SecretsBackend {
  backend: SecretsBackendKind;
  detail: string;
}

export interface SaveFileParams {
  title: string;
  suggestedName: string;
  filters: FileFilter[];
}

export interface SavedPath {
  path?: string | null;
  downloadUrl?: string | null;
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

export interface SimulationConfig {
  initialPortfolio: number;
  years: number;
  trials?: number | null;
  seed?: number | null;
  allocation: SimulationAllocation;
  returns: SimulationReturns;
  withdrawal: WithdrawalConfig;
  lifeEvents?: SimulationLifeEvent[] | null;
  fees?: number | null;
  withdrawalTiming?: WithdrawalTiming | null;
  nominal?: boolean | null;
}

export interface SimulationPercentiles {
  p5: number[];
  p10: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p90: number[];
  p95: number[];
}

export interface SimulationAllocation {
  stocks: number;
  bonds: number;
}

export interface WithdrawalConfig {
  strategy: WithdrawalStrategy;
  rate: number;
  floor?: number | null;
  ceiling?: number | null;
  guardrail?: number | null;
  adjustment?: number | null;
}

export interface SimulationLifeEvent {
  year: number;
  type: LifeEventType;
  amount: number;
  untilYear?: number | null;
}

export type WithdrawalTiming = "start" | "end";

export interface HistoricalPeriod {
  startYear: number;
  success: boolean;
  terminal: number;
  depletedYear?: number | null;
}

export type SecretsBackendKind = "KEYRING" | "FILE";

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SimulationReturns {
  model: ReturnsModel;
  stocks?: AssetReturnAssumption | null;
  bonds?: AssetReturnAssumption | null;
  correlation?: number | null;
  inflation?: AssetReturnAssumption | null;
  blockYears?: number | null;
  from?: number | null;
  to?: number | null;
}

export type WithdrawalStrategy = "constantDollar" | "constantPercentage" | "guytonKlinger";

export type LifeEventType = "expense" | "income" | "windfall";

export type ReturnsModel = "parametric" | "bootstrap";

export interface AssetReturnAssumption {
  mean: number;
  stdev: number;
}

export const METHODS = {
  "system.ping": { kind: "read", owner: "sidecar", timeoutMs: 5000 },
  "system.info": { kind: "read", owner: "shell", timeoutMs: 5000 },
  "system.restartSidecar": { kind: "write", owner: "shell", timeoutMs: 5000 },
  "simulation.run": { kind: "read", owner: "sidecar", timeoutMs: 120000 },
  "simulation.historical": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "simulation.sensitivity": { kind: "read", owner: "sidecar", timeoutMs: 600000 },
  "simulation.safeWithdrawalRate": { kind: "read", owner: "sidecar", timeoutMs: 600000 },
  "settings.get": { kind: "read", owner: "shell", timeoutMs: 5000 },
  "settings.set": { kind: "write", owner: "shell", timeoutMs: 5000 },
  "settings.list": { kind: "read", owner: "shell", timeoutMs: 5000 },
  "dataSources.list": { kind: "read", owner: "shell", timeoutMs: 5000 },
  "dataSources.update": { kind: "write", owner: "shell", timeoutMs: 5000 },
  "secrets.set": { kind: "write", owner: "shell", timeoutMs: 10000 },
  "secrets.has": { kind: "read", owner: "shell", timeoutMs: 10000 },
  "secrets.delete": { kind: "write", owner: "shell", timeoutMs: 10000 },
  "secrets.status": { kind: "read", owner: "shell", timeoutMs: 10000 },
  "dialogs.saveFile": { kind: "read", owner: "shell", timeoutMs: 3600000 },
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
    simulation: {
      run: (params: SimulationRunParams, options?: CallOptions) =>
        call<SimulationResult>("simulation.run", params, options),
      historical: (params: SimulationHistoricalParams, options?: CallOptions) =>
        call<SimulationHistoricalResult>("simulation.historical", params, options),
      sensitivity: (params: SimulationSensitivityParams, options?: CallOptions) =>
        call<SimulationSensitivityPoint[]>("simulation.sensitivity", params, options),
      safeWithdrawalRate: (params: SimulationSafeWithdrawalRateParams, options?: CallOptions) =>
        call<SimulationSafeWithdrawalRate>("simulation.safeWithdrawalRate", params, options),
    },
    settings: {
      get: (params: SettingKey, options?: CallOptions) =>
        call<SettingEntry>("settings.get", params, options),
      set: (params: SettingEntry, options?: CallOptions) =>
        call<SettingEntry>("settings.set", params, options),
      list: (params: Empty = {}, options?: CallOptions) =>
        call<SettingEntry[]>("settings.list", params, options),
    },
    dataSources: {
      list: (params: Empty = {}, options?: CallOptions) =>
        call<DataSource[]>("dataSources.list", params, options),
      update: (params: DataSourceUpdate, options?: CallOptions) =>
        call<DataSource>("dataSources.update", params, options),
    },
    secrets: {
      set: (params: SecretValue, options?: CallOptions) =>
        call<SecretState>("secrets.set", params, options),
      has: (params: SecretName, options?: CallOptions) =>
        call<SecretState>("secrets.has", params, options),
      delete: (params: SecretName, options?: CallOptions) =>
        call<SecretState>("secrets.delete", params, options),
      status: (params: Empty = {}, options?: CallOptions) =>
        call<SecretsBackend>("secrets.status", params, options),
    },
    dialogs: {
      saveFile: (params: SaveFileParams, options?: CallOptions) =>
        call<SavedPath>("dialogs.saveFile", params, options),
    },
  };
}

export type Api = ReturnType<typeof createApi>;

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
  | "UNSUPPORTED"
  | "MISSING_FX_RATE";

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
  runId?: number | null;
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

export interface SimulationRunsParams {
  limit?: number | null;
}

export interface SimulationRunSummary {
  runId: number;
  createdAt: IsoInstant;
  trials: number;
  years: number;
  successRate: number;
  medianTerminal: number;
  config: SimulationConfig;
}

export interface SimulationDeleteRunParams {
  runId: number;
}

export interface SimulationRunDeleted {
  runId: number;
}

export interface AccountCreateParams {
  name: string;
  type: AccountType;
  institution?: string | null;
  currency?: string | null;
  costBasisMethod?: CostBasisMethod | null;
}

export interface Account {
  id: number;
  name: string;
  type: AccountType;
  institution?: string | null;
  currency: string;
  costBasisMethod: CostBasisMethod;
}

export interface AccountUpdateParams {
  id: number;
  name?: string | null;
  type?: AccountType | null;
  institution?: string | null;
  currency?: string | null;
  costBasisMethod?: CostBasisMethod | null;
}

export interface AccountDeleteParams {
  id: number;
  force?: boolean | null;
}

export interface AccountDeleted {
  id: number;
  transactionsDeleted: number;
}

export interface ImportCsvParams {
  path: string;
  accountId: number;
  broker?: Broker | null;
  dryRun?: boolean | null;
}

export interface ImportResult {
  batchId?: number | null;
  broker: Broker;
  imported: number;
  duplicates: number;
  rejected: RejectedLine[];
}

export interface BatchParams {
  batchId: number;
}

export interface BatchDeleted {
  batchId: number;
  transactionsDeleted: number;
}

export interface TransactionsParams {
  accountId?: number | null;
  symbol?: string | null;
  from?: IsoDate | null;
  to?: IsoDate | null;
  type?: TransactionType | null;
  limit?: number | null;
  offset?: number | null;
}

export interface Transaction {
  id: number;
  accountId: number;
  batchId?: number | null;
  line: number;
  date: IsoDate;
  type: TransactionType;
  symbol?: string | null;
  quantity: Decimal;
  price: Decimal;
  fees: Decimal;
  amount: Decimal;
  currency: string;
  ratio?: string | null;
  acquired?: IsoDate | null;
  description?: string | null;
  flag?: string | null;
}

export interface HoldingsParams {
  accountId?: number | null;
  asOf?: IsoDate | null;
}

export interface Holding {
  accountId: number;
  symbol: string;
  quantity: Decimal;
  costBasis: Decimal;
  averageCost: Decimal;
  realizedGain: Decimal;
  openLots: number;
}

export interface LotsParams {
  accountId: number;
  symbol: string;
  asOf?: IsoDate | null;
}

export interface Lot {
  lotId: number;
  acquired: IsoDate;
  quantity: Decimal;
  remaining: Decimal;
  costPerShare: Decimal;
  costBasis: Decimal;
}

export interface RealizedParams {
  accountId?: number | null;
  year?: number | null;
  symbol?: string | null;
}

export interface Disposal {
  accountId: number;
  symbol: string;
  transactionId: number;
  lotId: number;
  acquired: IsoDate;
  sold: IsoDate;
  quantity: Decimal;
  proceeds: Decimal;
  costBasis: Decimal;
  gain: Decimal;
  term: Term;
}

export interface AssignLotsParams {
  transactionId: number;
  lots: LotAssignment[];
}

export interface ReconcileParams {
  accountId: number;
  reported: ReportedPosition[];
}

export interface ReconcileResult {
  discrepancies: Discrepancy[];
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

export interface OpenFileParams {
  title: string;
  filters: FileFilter[];
}

export interface OpenedPath {
  path?: string | null;
}

export interface DroppedFileParams {
  name: string;
}

export interface LlmProvider {
  id: string;
  name: string;
  kind: LlmProviderKind;
  baseUrl: string;
  model?: string | null;
  keyName?: string | null;
  keySet: boolean;
  leavesMachine: boolean;
  consented: boolean;
  isDefault: boolean;
}

export interface LlmProviderAddParams {
  name: string;
  kind: LlmProviderKind;
  baseUrl?: string | null;
  model?: string | null;
  keyName?: string | null;
}

export interface LlmProviderUpdateParams {
  id: string;
  name?: string | null;
  baseUrl?: string | null;
  model?: string | null;
  keyName?: string | null;
}

export interface LlmProviderIdParams {
  providerId: string;
}

export interface LlmProviderTest {
  ok: boolean;
  code: string;
  message: string;
  elapsedMs: number;
}

export interface LlmModel {
  id: string;
}

export interface LlmTool {
  name: string;
  description: string;
  sends: string;
}

export interface LlmConsentParams {
  providerId: string;
  granted: boolean;
}

export interface LlmChatParams {
  conversationId?: string | null;
  message: string;
  providerId?: string | null;
  model?: string | null;
  streamId?: string | null;
}

export interface LlmChatStarted {
  streamId: string;
  conversationId: string;
  providerId: string;
  providerName: string;
  model: string;
  leavesMachine: boolean;
}

export interface LlmStreamParams {
  streamId: string;
}

export interface LlmCancelled {
  cancelled: boolean;
}

export interface LlmConversationSummary {
  id: string;
  title: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  messages: number;
}

export interface LlmConversationIdParams {
  conversationId: string;
}

export interface LlmConversation {
  id: string;
  title: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  messages: LlmMessage[];
}

export interface MarketConfigureParams {
  sources: MarketSource[];
}

export interface MarketSources {
  sources: MarketSource[];
}

export interface MarketSyncPricesParams {
  symbols?: string[] | null;
  from?: IsoDate | null;
  to?: IsoDate | null;
  currency?: string | null;
}

export interface MarketSyncResult {
  items: MarketSyncItem[];
  ok: number;
  notFound: number;
  failed: number;
  requests: number;
}

export interface MarketSyncMacroParams {
  seriesIds: string[];
  apiKey?: string | null;
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export interface MarketSeriesParams {
  symbol: string;
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export interface PriceBar {
  date: IsoDate;
  open?: Decimal | null;
  high?: Decimal | null;
  low?: Decimal | null;
  close: Decimal;
  adjClose?: Decimal | null;
  volume?: number | null;
}

export interface Dividend {
  date: IsoDate;
  amount: Decimal;
}

export interface Split {
  date: IsoDate;
  numerator: Decimal;
  denominator: Decimal;
}

export interface MarketFxParams {
  base: string;
  quote: string;
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export interface FxRate {
  date: IsoDate;
  rate: Decimal;
}

export interface MarketMacroParams {
  seriesId: string;
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export interface MacroObservation {
  date: IsoDate;
  value?: Decimal | null;
}

export interface MarketValidateParams {
  symbol: string;
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export interface MarketValidation {
  symbol: string;
  bars: number;
  first?: IsoDate | null;
  last?: IsoDate | null;
  gaps: IsoDate[];
  outliers: PriceOutlier[];
  ohlcProblems: OhlcProblem[];
}

export interface MarketSyncState {
  source: SourceKind;
  key: string;
  from?: IsoDate | null;
  to?: IsoDate | null;
  lastSyncAt: IsoInstant;
  lastStatus: SyncStatus;
  lastError?: string | null;
}

export interface NetWorthParams {
  asOf?: IsoDate | null;
  currency?: string | null;
}

export interface NetWorth {
  asOf: IsoDate;
  currency: string;
  total: Decimal;
  holdings: Decimal;
  cash: Decimal;
  unrealizedGain?: Decimal | null;
  byAccount: AccountValue[];
  byAssetClass: AllocationSlice[];
  unpriced: string[];
}

export interface AllocationParams {
  by: AllocationBy;
  asOf?: IsoDate | null;
  currency?: string | null;
}

export interface AllocationSlice {
  key: string;
  label: string;
  value: Decimal;
  weight: number;
}

export interface HistoryParams {
  from?: IsoDate | null;
  to?: IsoDate | null;
  accountId?: number | null;
  currency?: string | null;
}

export interface ValuePoint {
  date: IsoDate;
  value: Decimal;
  holdings: Decimal;
  cash: Decimal;
  flow: Decimal;
}

export interface Performance {
  from: IsoDate;
  to: IsoDate;
  currency: string;
  startValue: Decimal;
  endValue: Decimal;
  netFlows: Decimal;
  twr: number;
  cagr: number;
  xirr?: number | null;
  volatility: number;
  maxDrawdown: number;
  maxDrawdownPeak?: IsoDate | null;
  maxDrawdownTrough?: IsoDate | null;
  dividendIncome: Decimal;
}

export interface GrowthParams {
  accountId?: number | null;
  currency?: string | null;
}

export interface Growth {
  currency: string;
  monthly: GrowthPoint[];
  quarterly: GrowthPoint[];
  annual: GrowthPoint[];
}

export interface SnapshotParams {
  asOf?: IsoDate | null;
  currency?: string | null;
}

export interface Snapshot {
  date: IsoDate;
  currency: string;
  accounts: number;
  total: Decimal;
}

export interface ExportParams {
  kind: ExportKind;
  format: ExportFormat;
  path: string;
  filters?: ExportFilters | null;
}

export interface ExportResult {
  path: string;
  kind: ExportKind;
  format: ExportFormat;
  rows: number;
  bytes: number;
}

export interface DataSnapshotParams {
  path: string;
}

export interface DataSnapshot {
  path: string;
  schemaVersion: number;
  bytes: number;
  sha256: string;
}

export interface BackupParams {
  path: string;
}

export interface BackupResult {
  path: string;
  bytes: number;
  manifest: BackupManifest;
}

export interface RestoreParams {
  path: string;
}

export interface RestoreResult {
  manifest: BackupManifest;
  analyticsSchemaVersion: number;
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

export type AccountType = "TAXABLE" | "IRA" | "ROTH_IRA" | "401K" | "HSA" | "BANK" | "CRYPTO" | "OTHER";

export type CostBasisMethod = "FIFO" | "LIFO" | "HIFO" | "AVERAGE" | "SPECIFIC";

export type Broker = "auto" | "generic" | "schwab" | "fidelity" | "vanguard" | "ibkr" | "traderepublic";

export interface RejectedLine {
  line: number;
  reason: string;
}

export type TransactionType = "BUY" | "SELL" | "DIVIDEND" | "REINVEST" | "INTEREST" | "FEE" | "SPLIT" | "DEPOSIT" | "WITHDRAWAL" | "TRANSFER_IN" | "TRANSFER_OUT" | "RETURN_OF_CAPITAL";

export type Term = "SHORT" | "LONG";

export interface LotAssignment {
  lotId: number;
  quantity: Decimal;
}

export interface ReportedPosition {
  symbol: string;
  quantity: Decimal;
  costBasis?: Decimal | null;
}

export interface Discrepancy {
  symbol: string;
  computedQuantity: Decimal;
  reportedQuantity: Decimal;
  computedCostBasis: Decimal;
  reportedCostBasis?: Decimal | null;
}

export type SecretsBackendKind = "KEYRING" | "FILE";

export interface FileFilter {
  name: string;
  extensions: string[];
}

export type LlmProviderKind = "lmStudio" | "ollama" | "openaiCompatible" | "openai" | "openrouter" | "anthropic";

export interface LlmMessage {
  role: string;
  content: string;
  toolName?: string | null;
  toolInput?: string | null;
  providerId?: string | null;
  model?: string | null;
  createdAt: IsoInstant;
}

export interface MarketSource {
  name: string;
  kind: SourceKind;
  baseUrl: string;
  ratePerSecond: number;
  enabled: boolean;
  cookieUrl?: string | null;
}

export interface MarketSyncItem {
  key: string;
  status: SyncStatus;
  rows: number;
  requests: number;
  reason?: string | null;
}

export interface PriceOutlier {
  date: IsoDate;
  logReturn: number;
  score: number;
}

export interface OhlcProblem {
  date: IsoDate;
  problem: string;
}

export type SourceKind = "yahoo" | "fred";

export type SyncStatus = "ok" | "notFound" | "failed";

export interface AccountValue {
  accountId: number;
  name: string;
  type: string;
  value: Decimal;
  cash: Decimal;
}

export type AllocationBy = "symbol" | "account" | "assetClass" | "accountType";

export interface GrowthPoint {
  period: string;
  start: Decimal;
  end: Decimal;
  change: Decimal;
  rate?: number | null;
}

export type ExportKind = "transactions" | "holdings" | "lots" | "realized" | "netWorthHistory" | "prices" | "simulation";

export type ExportFormat = "csv" | "json" | "parquet";

export interface ExportFilters {
  accountId?: number | null;
  symbol?: string | null;
  from?: IsoDate | null;
  to?: IsoDate | null;
  runId?: number | null;
}

export interface BackupManifest {
  format: number;
  appVersion: string;
  createdAt: string;
  analyticsSchemaVersion: number;
  appSchemaVersion?: number | null;
  entries: BackupEntry[];
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

export interface BackupEntry {
  name: string;
  bytes: number;
  sha256: string;
}

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
  "simulation.runs": { kind: "read", owner: "sidecar", timeoutMs: 10000 },
  "simulation.deleteRun": { kind: "write", owner: "sidecar", timeoutMs: 10000 },
  "accounts.create": { kind: "write", owner: "sidecar", timeoutMs: 30000 },
  "accounts.list": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "accounts.update": { kind: "write", owner: "sidecar", timeoutMs: 120000 },
  "accounts.delete": { kind: "write", owner: "sidecar", timeoutMs: 120000 },
  "ledger.importCsv": { kind: "write", owner: "sidecar", timeoutMs: 600000 },
  "ledger.deleteBatch": { kind: "write", owner: "sidecar", timeoutMs: 120000 },
  "ledger.transactions": { kind: "read", owner: "sidecar", timeoutMs: 60000 },
  "ledger.holdings": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "ledger.lots": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "ledger.realized": { kind: "read", owner: "sidecar", timeoutMs: 60000 },
  "ledger.assignLots": { kind: "write", owner: "sidecar", timeoutMs: 60000 },
  "ledger.reconcile": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
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
  "dialogs.openFile": { kind: "read", owner: "shell", timeoutMs: 3600000 },
  "dialogs.droppedFile": { kind: "read", owner: "shell", timeoutMs: 5000 },
  "llm.providers.list": { kind: "read", owner: "shell", timeoutMs: 10000 },
  "llm.providers.add": { kind: "write", owner: "shell", timeoutMs: 10000 },
  "llm.providers.update": { kind: "write", owner: "shell", timeoutMs: 10000 },
  "llm.providers.remove": { kind: "write", owner: "shell", timeoutMs: 10000 },
  "llm.providers.setDefault": { kind: "write", owner: "shell", timeoutMs: 10000 },
  "llm.providers.test": { kind: "read", owner: "shell", timeoutMs: 30000 },
  "llm.models": { kind: "read", owner: "shell", timeoutMs: 30000 },
  "llm.tools": { kind: "read", owner: "shell", timeoutMs: 10000 },
  "llm.consent.set": { kind: "write", owner: "shell", timeoutMs: 10000 },
  "llm.chat": { kind: "write", owner: "shell", timeoutMs: 10000 },
  "llm.cancel": { kind: "write", owner: "shell", timeoutMs: 10000 },
  "llm.conversations.list": { kind: "read", owner: "shell", timeoutMs: 10000 },
  "llm.conversations.get": { kind: "read", owner: "shell", timeoutMs: 10000 },
  "llm.conversations.delete": { kind: "write", owner: "shell", timeoutMs: 10000 },
  "market.configure": { kind: "write", owner: "sidecar", timeoutMs: 10000 },
  "market.syncPrices": { kind: "write", owner: "sidecar", timeoutMs: 1800000 },
  "market.syncMacro": { kind: "write", owner: "sidecar", timeoutMs: 600000 },
  "market.prices": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "market.dividends": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "market.splits": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "market.fx": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "market.macro": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "market.validate": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "market.syncState": { kind: "read", owner: "sidecar", timeoutMs: 10000 },
  "portfolio.netWorth": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "portfolio.allocation": { kind: "read", owner: "sidecar", timeoutMs: 30000 },
  "portfolio.history": { kind: "read", owner: "sidecar", timeoutMs: 60000 },
  "portfolio.performance": { kind: "read", owner: "sidecar", timeoutMs: 60000 },
  "portfolio.growth": { kind: "read", owner: "sidecar", timeoutMs: 60000 },
  "portfolio.snapshot": { kind: "write", owner: "sidecar", timeoutMs: 60000 },
  "data.export": { kind: "read", owner: "sidecar", timeoutMs: 600000 },
  "data.snapshot": { kind: "write", owner: "sidecar", timeoutMs: 600000 },
  "data.backup": { kind: "write", owner: "shell", timeoutMs: 900000 },
  "data.restore": { kind: "write", owner: "shell", timeoutMs: 900000 },
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
      runs: (params: SimulationRunsParams = {}, options?: CallOptions) =>
        call<SimulationRunSummary[]>("simulation.runs", params, options),
      deleteRun: (params: SimulationDeleteRunParams, options?: CallOptions) =>
        call<SimulationRunDeleted>("simulation.deleteRun", params, options),
    },
    accounts: {
      create: (params: AccountCreateParams, options?: CallOptions) =>
        call<Account>("accounts.create", params, options),
      list: (params: Empty = {}, options?: CallOptions) =>
        call<Account[]>("accounts.list", params, options),
      update: (params: AccountUpdateParams, options?: CallOptions) =>
        call<Account>("accounts.update", params, options),
      delete: (params: AccountDeleteParams, options?: CallOptions) =>
        call<AccountDeleted>("accounts.delete", params, options),
    },
    ledger: {
      importCsv: (params: ImportCsvParams, options?: CallOptions) =>
        call<ImportResult>("ledger.importCsv", params, options),
      deleteBatch: (params: BatchParams, options?: CallOptions) =>
        call<BatchDeleted>("ledger.deleteBatch", params, options),
      transactions: (params: TransactionsParams = {}, options?: CallOptions) =>
        call<Transaction[]>("ledger.transactions", params, options),
      holdings: (params: HoldingsParams = {}, options?: CallOptions) =>
        call<Holding[]>("ledger.holdings", params, options),
      lots: (params: LotsParams, options?: CallOptions) =>
        call<Lot[]>("ledger.lots", params, options),
      realized: (params: RealizedParams = {}, options?: CallOptions) =>
        call<Disposal[]>("ledger.realized", params, options),
      assignLots: (params: AssignLotsParams, options?: CallOptions) =>
        call<Disposal[]>("ledger.assignLots", params, options),
      reconcile: (params: ReconcileParams, options?: CallOptions) =>
        call<ReconcileResult>("ledger.reconcile", params, options),
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
      openFile: (params: OpenFileParams, options?: CallOptions) =>
        call<OpenedPath>("dialogs.openFile", params, options),
      droppedFile: (params: DroppedFileParams, options?: CallOptions) =>
        call<OpenedPath>("dialogs.droppedFile", params, options),
    },
    llm: {
      providers: {
        list: (params: Empty = {}, options?: CallOptions) =>
          call<LlmProvider[]>("llm.providers.list", params, options),
        add: (params: LlmProviderAddParams, options?: CallOptions) =>
          call<LlmProvider>("llm.providers.add", params, options),
        update: (params: LlmProviderUpdateParams, options?: CallOptions) =>
          call<LlmProvider>("llm.providers.update", params, options),
        remove: (params: LlmProviderIdParams, options?: CallOptions) =>
          call<Empty>("llm.providers.remove", params, options),
        setDefault: (params: LlmProviderIdParams, options?: CallOptions) =>
          call<LlmProvider>("llm.providers.setDefault", params, options),
        test: (params: LlmProviderIdParams, options?: CallOptions) =>
          call<LlmProviderTest>("llm.providers.test", params, options),
      },
      models: (params: LlmProviderIdParams, options?: CallOptions) =>
        call<LlmModel[]>("llm.models", params, options),
      tools: (params: Empty = {}, options?: CallOptions) =>
        call<LlmTool[]>("llm.tools", params, options),
      consent: {
        set: (params: LlmConsentParams, options?: CallOptions) =>
          call<LlmProvider>("llm.consent.set", params, options),
      },
      chat: (params: LlmChatParams, options?: CallOptions) =>
        call<LlmChatStarted>("llm.chat", params, options),
      cancel: (params: LlmStreamParams, options?: CallOptions) =>
        call<LlmCancelled>("llm.cancel", params, options),
      conversations: {
        list: (params: Empty = {}, options?: CallOptions) =>
          call<LlmConversationSummary[]>("llm.conversations.list", params, options),
        get: (params: LlmConversationIdParams, options?: CallOptions) =>
          call<LlmConversation>("llm.conversations.get", params, options),
        delete: (params: LlmConversationIdParams, options?: CallOptions) =>
          call<Empty>("llm.conversations.delete", params, options),
      },
    },
    market: {
      configure: (params: MarketConfigureParams, options?: CallOptions) =>
        call<MarketSources>("market.configure", params, options),
      syncPrices: (params: MarketSyncPricesParams = {}, options?: CallOptions) =>
        call<MarketSyncResult>("market.syncPrices", params, options),
      syncMacro: (params: MarketSyncMacroParams, options?: CallOptions) =>
        call<MarketSyncResult>("market.syncMacro", params, options),
      prices: (params: MarketSeriesParams, options?: CallOptions) =>
        call<PriceBar[]>("market.prices", params, options),
      dividends: (params: MarketSeriesParams, options?: CallOptions) =>
        call<Dividend[]>("market.dividends", params, options),
      splits: (params: MarketSeriesParams, options?: CallOptions) =>
        call<Split[]>("market.splits", params, options),
      fx: (params: MarketFxParams, options?: CallOptions) =>
        call<FxRate[]>("market.fx", params, options),
      macro: (params: MarketMacroParams, options?: CallOptions) =>
        call<MacroObservation[]>("market.macro", params, options),
      validate: (params: MarketValidateParams, options?: CallOptions) =>
        call<MarketValidation>("market.validate", params, options),
      syncState: (params: Empty = {}, options?: CallOptions) =>
        call<MarketSyncState[]>("market.syncState", params, options),
    },
    portfolio: {
      netWorth: (params: NetWorthParams = {}, options?: CallOptions) =>
        call<NetWorth>("portfolio.netWorth", params, options),
      allocation: (params: AllocationParams, options?: CallOptions) =>
        call<AllocationSlice[]>("portfolio.allocation", params, options),
      history: (params: HistoryParams = {}, options?: CallOptions) =>
        call<ValuePoint[]>("portfolio.history", params, options),
      performance: (params: HistoryParams = {}, options?: CallOptions) =>
        call<Performance>("portfolio.performance", params, options),
      growth: (params: GrowthParams = {}, options?: CallOptions) =>
        call<Growth>("portfolio.growth", params, options),
      snapshot: (params: SnapshotParams = {}, options?: CallOptions) =>
        call<Snapshot>("portfolio.snapshot", params, options),
    },
    data: {
      export: (params: ExportParams, options?: CallOptions) =>
        call<ExportResult>("data.export", params, options),
      snapshot: (params: DataSnapshotParams, options?: CallOptions) =>
        call<DataSnapshot>("data.snapshot", params, options),
      backup: (params: BackupParams, options?: CallOptions) =>
        call<BackupResult>("data.backup", params, options),
      restore: (params: RestoreParams, options?: CallOptions) =>
        call<RestoreResult>("data.restore", params, options),
    },
  };
}

export type Api = ReturnType<typeof createApi>;

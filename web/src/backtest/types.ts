/** The Backtest service's API shapes (services/Backtest/Apis, Running/RunOutputs.cs). Decimals arrive as JSON numbers. */

export interface ParameterField {
  name: string;
  type: 'integer' | 'number' | 'symbol' | 'symbols';
  label: string;
  default: number | string | string[];
  minimum?: number | null;
  maximum?: number | null;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minItems?: number | null;
}

export interface StrategyInfo {
  name: string;
  displayName: string;
  description: string;
  parameters: ParameterField[];
  exampleParametersJson: string;
}

export interface RuleIndicatorInfo {
  name: string;
  settings: { name: string; default: number | null; minimum: number; maximum: number }[];
  outputs: string[];
  hasSource: boolean;
}

export interface Catalog {
  strategies: StrategyInfo[];
  ruleLanguage: { operators: string[]; prices: string[]; indicators: RuleIndicatorInfo[]; maxPeriod: number; maxBarsAgo: number };
  sizingModes: string[];
  objectives: string[];
  metrics: string[];
  riskDefaults: Record<string, number>;
  riskRules: string[];
  limits: { maxOptimizationSets: number; maxComparisonStrategies: number; maxOptimizationParameters: number; maxConcurrentJobs: number; dailyRuns: number };
  bundledSymbols: string[];
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type JobKind = 'backtest' | 'comparison' | 'optimization';

export interface JobView {
  id: string;
  kind: JobKind;
  name: string | null;
  status: JobStatus;
  progress: number;
  etaSeconds: number | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  error: string | null;
  assumptions: string | null;
  dataSummary: string | null;
  usesSyntheticData: boolean;
  engineVersion: string | null;
  finalEquity: number | null;
  totalReturn: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  tradeCount: number | null;
}

export interface Statistics {
  start: string | null;
  end: string | null;
  startEquity: number;
  endEquity: number;
  netProfit: number;
  totalReturn: number;
  cagr: number | null;
  annualizedVolatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  maxDrawdown: number;
  maxDrawdownDurationDays: number;
  calmar: number | null;
  tradeCount: number;
  winningTrades: number;
  losingTrades: number;
  winRate: number | null;
  profitFactor: number | null;
  averageWin: number | null;
  averageLoss: number | null;
  expectancy: number | null;
  exposure: number;
  feesPaid: number;
  alpha: number | null;
  beta: number | null;
}

export interface TradeRow {
  strategy: string | null;
  symbol: string;
  quantity: number;
  entryTime: string;
  entryPrice: number;
  exitTime: string;
  exitPrice: number;
  fees: number;
  netProfit: number;
  exitReason: string;
}

export interface RunOutput {
  label: string;
  initialCash: number;
  finalEquity: number;
  finalCash: number;
  feesPaid: number;
  statistics: Statistics;
  trades: TradeRow[];
  equity: { time: string; equity: number; drawdown: number }[];
  openPositions: { symbol: string; quantity: number; averageEntryPrice: number; lastPrice: number; marketValue: number }[];
  rejectedOrders: number;
  priceSymbol: string | null;
  prices: { time: string; close: number }[];
}

export interface ComparisonResult {
  comparison: {
    entries: { label: string; strategy: string; isBenchmark: boolean; finalEquity: number; statistics: Statistics; tradeCount: number; equity: number[] }[];
    dates: string[];
    benchmark: string;
  };
  firstRun: RunOutput;
}

export interface EvaluationRow {
  rank: number;
  parameters: Record<string, number>;
  score: number | null;
  feasible: boolean;
  totalReturn: number | null;
  cagr: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  profitFactor: number | null;
  trades: number | null;
  error: string | null;
}

export interface OptimizationResult {
  objective: string;
  search: string;
  parameters: string[];
  constraints: string[];
  evaluated: number;
  valid: number;
  feasible: number;
  top: EvaluationRow[];
  all: EvaluationRow[];
  surface: { x: string; y: string; xValues: number[]; yValues: number[]; scores: (number | null)[][]; feasible: boolean[][] } | null;
  bestRun: RunOutput | null;
  walkForward: {
    inSampleBars: number;
    outOfSampleBars: number;
    efficiency: number | null;
    outOfSampleTotalReturn: number;
    windows: {
      window: number;
      inSampleStart: string;
      inSampleEnd: string;
      outOfSampleStart: string;
      outOfSampleEnd: string;
      bestParameters: Record<string, number> | null;
      inSampleScore: number | null;
      inSampleCagr: number | null;
      outOfSampleScore: number | null;
      outOfSampleCagr: number | null;
      outOfSampleReturn: number | null;
      outOfSampleMaxDrawdown: number | null;
    }[];
  } | null;
}

export interface JobDetail {
  job: JobView;
  request: Record<string, unknown>;
  result: RunOutput | ComparisonResult | OptimizationResult | null;
}

import type { Catalog } from './types';

/** A catalogue as GET /api/v1/backtests/catalog returns it (trimmed to what the tests need). */
export const testCatalog: Catalog = {
  strategies: [
    {
      name: 'sma-crossover',
      displayName: 'SMA crossover',
      description: 'Long when the fast SMA crosses above the slow one.',
      exampleParametersJson: '{}',
      parameters: [
        { name: 'symbol', type: 'symbol', label: 'Symbol', default: 'SPX' },
        { name: 'fastPeriod', type: 'integer', label: 'Fast SMA period', default: 10, minimum: 1, maximum: 500 },
        { name: 'slowPeriod', type: 'integer', label: 'Slow SMA period', default: 30, minimum: 1, maximum: 500 },
      ],
    },
    {
      name: 'rsi-mean-reversion',
      displayName: 'RSI mean reversion',
      description: 'Buys oversold, sells overbought.',
      exampleParametersJson: '{}',
      parameters: [
        { name: 'symbol', type: 'symbol', label: 'Symbol', default: 'SPX' },
        { name: 'period', type: 'integer', label: 'RSI period', default: 14, minimum: 1, maximum: 500 },
        { name: 'oversold', type: 'number', label: 'Oversold', default: 30, minimum: 0, maximum: 100, exclusiveMinimum: true, exclusiveMaximum: true },
        { name: 'overbought', type: 'number', label: 'Overbought', default: 70, minimum: 0, maximum: 100, exclusiveMinimum: true, exclusiveMaximum: true },
      ],
    },
    { name: 'rules', displayName: 'Rules', description: 'Conditions without code.', exampleParametersJson: '{}', parameters: [] },
  ],
  ruleLanguage: {
    operators: ['>', '>=', '<', '<=', 'crossesAbove', 'crossesBelow'],
    prices: ['close', 'open', 'high', 'low', 'volume'],
    indicators: [
      { name: 'sma', settings: [{ name: 'period', default: null, minimum: 1, maximum: 500 }], outputs: ['value'], hasSource: true },
      { name: 'rsi', settings: [{ name: 'period', default: null, minimum: 1, maximum: 500 }], outputs: ['value'], hasSource: true },
      { name: 'macd', settings: [{ name: 'fastPeriod', default: 12, minimum: 1, maximum: 500 }], outputs: ['line', 'signal', 'histogram'], hasSource: true },
    ],
    maxPeriod: 500,
    maxBarsAgo: 100,
  },
  sizingModes: ['strategy', 'all-cash', 'percent-of-equity', 'fixed-shares', 'fixed-dollars'],
  objectives: ['sharpe', 'cagr', 'calmar', 'total_return', 'profit_factor'],
  metrics: ['sharpe', 'max_drawdown'],
  riskDefaults: {},
  riskRules: ['maxPosition'],
  limits: { maxOptimizationSets: 5000, maxComparisonStrategies: 10, maxOptimizationParameters: 4, maxConcurrentJobs: 2, dailyRuns: 50 },
  bundledSymbols: ['SPX'],
};

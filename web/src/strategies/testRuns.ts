import type { StrategyRun } from './types';

/** A run as `GET /api/v1/strategies` returns it (docs/platform-contract.md). */
export function testRun(patch: Partial<StrategyRun> = {}): StrategyRun {
  return {
    id: 'run-1',
    name: null,
    strategy: { name: 'sma-crossover', parameters: { symbol: 'AAPL', fastPeriod: 10, slowPeriod: 30 } },
    symbols: ['AAPL'],
    allocation: 1000,
    account: 'paper',
    barSeconds: 60,
    status: 'running',
    stopReason: null,
    stopDetail: null,
    startedAt: '2026-12-01T10:00:00Z',
    stoppedAt: null,
    lastBarAt: '2026-12-01T10:05:00Z',
    barsProcessed: 5,
    ordersSent: 1,
    pnl: {
      realized: 0,
      unrealized: 12.5,
      fees: 0,
      net: 12.5,
      positions: [{ symbol: 'AAPL', quantity: 4, averagePrice: 230, marketPrice: 233.125, marketValue: 932.5, unrealizedPnl: 12.5 }],
    },
    ...patch,
  };
}

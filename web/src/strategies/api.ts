import type { ApiClient } from '../api/client';
import type { LiveCatalog, StartStrategyRequest, StrategyRun, StrategyRunDetails } from './types';

export const strategyKeys = {
  all: ['strategies'] as const,
  catalog: ['strategies', 'catalog'] as const,
  list: ['strategies', 'list'] as const,
  run: (id: string) => ['strategies', 'run', id] as const,
};

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The backtest lab's catalogue, served by Execution for live runs. */
export const getStrategyCatalog = (api: ApiClient, signal?: AbortSignal) =>
  api.request<LiveCatalog>('GET', '/api/v1/strategies/catalog', opts(signal));

export const listStrategyRuns = (api: ApiClient, signal?: AbortSignal) =>
  api.request<{ items: StrategyRun[] }>('GET', '/api/v1/strategies', opts(signal));

export const getStrategyRun = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.request<StrategyRunDetails>('GET', `/api/v1/strategies/${encodeURIComponent(id)}`, opts(signal));

/** One Idempotency-Key per start attempt: a retried request after a lost answer starts nothing twice. */
export const startStrategyRun = (api: ApiClient, body: StartStrategyRequest, idempotencyKey: string) =>
  api.request<StrategyRun>('POST', '/api/v1/strategies', { body, headers: { 'Idempotency-Key': idempotencyKey } });

export const stopStrategyRun = (api: ApiClient, id: string, reason?: string) =>
  api.request<StrategyRun>('POST', `/api/v1/strategies/${encodeURIComponent(id)}/stop`, { body: reason ? { reason } : {} });

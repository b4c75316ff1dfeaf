import type { ApiClient } from '../api/client';
import type { EquityPoint, Order, Page, RiskLimits, RiskLimitsResponse, Trade } from './apiTypes';

/** The trading endpoints the dashboard, orders, history and risk pages read (routes as the services map them). */
export const tradingKeys = {
  orders: (query: string) => ['trading', 'orders', query] as const,
  openOrders: ['trading', 'orders', 'open-panel'] as const,
  trades: (query: string) => ['trading', 'trades', query] as const,
  equity: (query: string) => ['trading', 'equity', query] as const,
  riskLimits: ['trading', 'risk-limits'] as const,
};

export const listOrders = (api: ApiClient, query: string, signal?: AbortSignal) =>
  api.request<Page<Order>>('GET', `/api/v1/orders${query}`, signal ? { signal } : {});

export const cancelOrder = (api: ApiClient, id: string) => api.request<Order>('DELETE', `/api/v1/orders/${id}`);

export const listTrades = (api: ApiClient, query: string, signal?: AbortSignal) =>
  api.request<Page<Trade>>('GET', `/api/v1/portfolio/trades${query}`, signal ? { signal } : {});

export const getEquity = (api: ApiClient, query: string, signal?: AbortSignal) =>
  api.request<EquityPoint[]>('GET', `/api/v1/portfolio/equity${query}`, signal ? { signal } : {});

export const getRiskLimits = (api: ApiClient, signal?: AbortSignal) =>
  api.request<RiskLimitsResponse>('GET', '/api/v1/risk/limits', signal ? { signal } : {});

export const updateRiskLimits = (api: ApiClient, body: Partial<RiskLimits> & { reason?: string }) =>
  api.request<RiskLimitsResponse>('PUT', '/api/v1/risk/limits', { body });

/** Downloads the filtered trade history as CSV through the API (bearer token) and saves it via a temporary link. */
export async function exportTradesCsv(api: ApiClient, query: string): Promise<string> {
  const { blob, fileName } = await api.download(`/api/v1/portfolio/trades.csv${query}`, 'trades.csv');
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return fileName;
}

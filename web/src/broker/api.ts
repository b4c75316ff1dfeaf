import type { ApiClient } from '../api/client';
import { ApiError } from '../api/problem';
import type { AccountMode, BrokerConnection, BrokerConnectionRequest, TradingAccount } from './types';

export const brokerKeys = {
  connection: ['broker', 'connection'] as const,
  account: ['execution', 'account'] as const,
};

/** The connection, or null when the user has none (the API answers 404). */
export async function getBrokerConnection(api: ApiClient, signal?: AbortSignal): Promise<BrokerConnection | null> {
  try {
    return await api.request<BrokerConnection>('GET', '/api/v1/broker/connection', signal ? { signal } : {});
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const connectBroker = (api: ApiClient, body: BrokerConnectionRequest) =>
  api.request<BrokerConnection>('PUT', '/api/v1/broker/connection', { body });

export const disconnectBroker = (api: ApiClient) => api.request<void>('DELETE', '/api/v1/broker/connection');

export const getTradingAccount = (api: ApiClient, signal?: AbortSignal) =>
  api.request<TradingAccount>('GET', '/api/v1/execution/account', signal ? { signal } : {});

export const setTradingMode = (api: ApiClient, mode: AccountMode) =>
  api.request<TradingAccount>('PUT', '/api/v1/execution/account', { body: { mode } });

/** Execution's 422 when live trading is asked for without Alpaca keys. */
export function isBrokerNotConnected(error: unknown): boolean {
  return error instanceof ApiError && (error.type?.endsWith('/broker-not-connected') ?? false);
}

import type { ApiClient } from '../api/client';
import type { RiskLimitsResponse } from '../trading/apiTypes';

/** Risk's operator endpoints (`/api/v1/risk/admin/**`, role admin; the service enforces it). */
export interface KillSwitch {
  engaged: boolean;
  reason: string | null;
  changedBy: string | null;
  changedAt: string | null;
}

export interface RiskAuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  subjectUserId: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
}

export const adminKeys = {
  killSwitch: ['admin', 'kill-switch'] as const,
  audit: (userId?: string) => ['admin', 'audit', userId ?? 'all'] as const,
  user: (id: string) => ['admin', 'user', id] as const,
};

export const getKillSwitch = (api: ApiClient) => api.request<KillSwitch>('GET', '/api/v1/risk/admin/kill-switch');

export const engageKillSwitch = (api: ApiClient, reason: string) =>
  api.request<void>('POST', '/api/v1/risk/admin/kill-switch', { body: { reason } });

export const releaseKillSwitch = (api: ApiClient) => api.request<void>('DELETE', '/api/v1/risk/admin/kill-switch');

/** The latest entries, or those about one trader (`userId`, as Risk filters them). */
export const getAudit = (api: ApiClient, userId?: string) =>
  api.request<RiskAuditEntry[]>('GET', `/api/v1/risk/admin/audit${userId ? `?userId=${encodeURIComponent(userId)}` : ''}`);

export const getUserLimits = (api: ApiClient, userId: string) =>
  api.request<RiskLimitsResponse>('GET', `/api/v1/risk/admin/users/${encodeURIComponent(userId)}/limits`);

export const haltUser = (api: ApiClient, userId: string, reason: string) =>
  api.request<unknown>('POST', `/api/v1/risk/admin/users/${encodeURIComponent(userId)}/halt`, { body: { reason } });

export const resumeUser = (api: ApiClient, userId: string, reason: string) =>
  api.request<unknown>('POST', `/api/v1/risk/admin/users/${encodeURIComponent(userId)}/resume`, { body: { reason } });

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user id as Risk's routes take it, or an error to show by the field. */
export function checkUserId(text: string): { id?: string; error?: string } {
  const id = text.trim().toLowerCase();
  if (!id) return { error: 'Enter a user id.' };
  return guid.test(id) ? { id } : { error: 'A user id looks like 01a24600-9b18-7ac6-8469-4beaab4d5a2b.' };
}

/** Execution's record of a price shock (`/api/v1/market/admin/shocks`): from `effectiveAt` the simulated price is
 * multiplied by `factor`; a reset is a record with factor 1. */
export interface MarketShock {
  id: number;
  symbol: string;
  factor: number;
  changePercent: number;
  effectiveAt: string;
  createdAt: string;
  actorId: string;
  reason: string;
}

export const shockKeys = { list: ['admin', 'shocks'] as const };

export const listShocks = (api: ApiClient) => api.request<MarketShock[]>('GET', '/api/v1/market/admin/shocks');

export const applyShock = (api: ApiClient, symbol: string, changePercent: number, reason: string) =>
  api.request<MarketShock>('POST', '/api/v1/market/admin/shocks', { body: { symbol, changePercent, reason } });

export const resetShock = (api: ApiClient, symbol: string, reason: string) =>
  api.request<MarketShock>('POST', `/api/v1/market/admin/shocks/${encodeURIComponent(symbol)}/reset`, { body: { reason } });

/** The symbols whose latest record (the list is newest first) leaves them away from the plain simulation. */
export function shockedSymbols(shocks: MarketShock[]): MarketShock[] {
  const latest = new Map<string, MarketShock>();
  for (const shock of shocks) if (!latest.has(shock.symbol)) latest.set(shock.symbol, shock);
  return [...latest.values()].filter((s) => s.factor !== 1);
}

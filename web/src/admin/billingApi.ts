import type { ApiClient } from '../api/client';
import type { Subscription } from '../billing/types';

/** Billing's view of one subscription for operators (`AdminSubscriptionResponse`). */
export interface AdminSubscription {
  userId: string;
  email: string;
  plan: string;
  status: Subscription['status'];
  provider: string | null;
  providerStatus: string | null;
  trialEndsAt: string | null;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  accessEndsAt: string | null;
  grantedUntil: string | null;
  version: number;
  statusChangedAt: string;
}

/** One row of Billing's append-only admin audit log (`AdminAuditResponse`); newest first, at most 200. */
export interface BillingAuditEntry {
  id: number;
  adminUserId: string;
  userId: string;
  action: string;
  reason: string;
  detail: string | null;
  occurredAt: string;
}

/** The route tails under `/subscriptions/{userId}/`; the simulations need Billing's local provider. */
export type SubscriptionAction = 'grant' | 'extend' | 'cancel' | 'simulate/trial-expiry' | 'simulate/payment-failure' | 'simulate/renewal';

export interface SubscriptionActionRequest {
  reason: string;
  /** Grant and extend only: 1 to 3660. */
  days?: number;
}

export interface SubscriptionPage {
  status: string;
  offset: number;
  limit: number;
}

// Under ['admin'] so the page's refresh after any action reloads them too.
export const billingAdminKeys = {
  all: ['admin', 'billing'] as const,
  subscriptions: (page: SubscriptionPage) => ['admin', 'billing', 'subscriptions', page] as const,
  audit: (userId?: string) => ['admin', 'billing', 'audit', userId ?? 'all'] as const,
};

/** Billing's operator endpoints (`/api/v1/billing/admin/**`, role admin; the service enforces it). The list is newest
 * first and paged by offset and limit (1–200) with no total; `status` filters on the stored status. */
export function listSubscriptions(api: ApiClient, page: SubscriptionPage) {
  const query = new URLSearchParams({ offset: String(page.offset), limit: String(page.limit) });
  if (page.status) query.set('status', page.status);
  return api.request<AdminSubscription[]>('GET', `/api/v1/billing/admin/subscriptions?${query}`);
}

/** The latest entries, or one trader's (`userId`, as Billing filters it). */
export const listBillingAudit = (api: ApiClient, userId?: string) =>
  api.request<BillingAuditEntry[]>('GET', `/api/v1/billing/admin/audit${userId ? `?userId=${encodeURIComponent(userId)}` : ''}`);

/** `pastGrace` (payment failure only): the renewal failed a whole grace period ago, so access has lapsed now. */
export function actOnSubscription(api: ApiClient, userId: string, action: SubscriptionAction, body: SubscriptionActionRequest, pastGrace = false) {
  const query = action === 'simulate/payment-failure' && pastGrace ? '?pastGrace=true' : '';
  return api.request<AdminSubscription>('POST', `/api/v1/billing/admin/subscriptions/${encodeURIComponent(userId)}/${action}${query}`, { body });
}

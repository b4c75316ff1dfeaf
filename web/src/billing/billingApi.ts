import type { ApiClient } from '../api/client';
import type { BillingHistory, CheckoutResult, PortalResult, Subscription } from './types';

/** Billing's routes through the gateway, on the shared client (bearer token, refresh on 401, ProblemDetails errors). */
export const billingApi = {
  subscription: (api: ApiClient, signal?: AbortSignal) =>
    api.request<Subscription>('GET', '/api/v1/billing/subscription', signal ? { signal } : {}),
  history: (api: ApiClient, signal?: AbortSignal) =>
    api.request<BillingHistory>('GET', '/api/v1/billing/history', signal ? { signal } : {}),
  checkout: (api: ApiClient) => api.request<CheckoutResult>('POST', '/api/v1/billing/subscription/checkout'),
  portal: (api: ApiClient) => api.request<PortalResult>('POST', '/api/v1/billing/subscription/portal'),
  cancel: (api: ApiClient) => api.request<Subscription>('POST', '/api/v1/billing/subscription/cancel'),
  resume: (api: ApiClient) => api.request<Subscription>('POST', '/api/v1/billing/subscription/resume'),
};

import type { ApiClient } from '../api/client';

/** A user as operators see them (Identity's `AdminUserResponse`); a suspension in force has its time and reason. */
export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  role: string;
  subscriptionStatus: string;
  createdAt: string;
  suspendedAt: string | null;
  suspendedReason: string | null;
}

/** One row of Identity's audit log (`IdentityAuditResponse`): sign-ins, failures, sessions, password changes and
 * operators' actions, whose `detail` reads `by <adminId>: <reason>`. Newest first, at most 200. */
export interface IdentityAuditEntry {
  id: number;
  at: string;
  action: string;
  userId: string | null;
  email: string | null;
  ipAddress: string | null;
  detail: string | null;
}

/** The route tails under `/users/{id}/`; each takes `{ reason }`. */
export type UserAction = 'suspend' | 'reinstate' | 'sessions/end' | 'password-reset';

/** A one-time link's token (Identity keeps only its hash, so it is shown once) and when the link stops working. */
export interface ResetLink {
  token: string;
  expiresAt: string;
}

export interface UserPage {
  /** A user id, or part of an email address or display name (case-insensitive); at most 254 characters. */
  search: string;
  suspendedOnly: boolean;
  offset: number;
  limit: number;
}

export const MAX_SEARCH = 254;
export const MAX_REASON = 500;

// Under ['admin'] so the page's refresh after any action reloads them too.
export const identityAdminKeys = {
  all: ['admin', 'identity'] as const,
  users: (page: UserPage) => ['admin', 'identity', 'users', page] as const,
  audit: (userId?: string) => ['admin', 'identity', 'audit', userId ?? 'all'] as const,
};

const base = '/api/v1/identity/admin';
const userPath = (id: string) => `${base}/users/${encodeURIComponent(id)}`;

/** Identity's operator endpoints (`/api/v1/identity/admin/**`, role admin; the service enforces it). The list is newest
 * first and paged by offset and limit (1–200) with no total. */
export function listUsers(api: ApiClient, page: UserPage) {
  const query = new URLSearchParams({ offset: String(page.offset), limit: String(page.limit) });
  if (page.search.trim()) query.set('search', page.search.trim());
  if (page.suspendedOnly) query.set('suspended', 'true');
  return api.request<AdminUser[]>('GET', `${base}/users?${query}`);
}


/** Suspend and reinstate answer with the user as it now is; ending the sessions answers with nothing (204). */
export const actOnUser = (api: ApiClient, id: string, action: Exclude<UserAction, 'password-reset'>, reason: string) =>
  api.request<AdminUser | undefined>('POST', `${userPath(id)}/${action}`, { body: { reason } });

/** A link valid 24 hours for the user to set a new password; it voids their earlier unused ones. */
export const issueResetLink = (api: ApiClient, id: string, reason: string) =>
  api.request<ResetLink>('POST', `${userPath(id)}/password-reset`, { body: { reason } });

/** The latest entries, or one user's (`userId`, as Identity filters it). */
export const listIdentityAudit = (api: ApiClient, userId?: string) =>
  api.request<IdentityAuditEntry[]>('GET', `${base}/audit${userId ? `?userId=${encodeURIComponent(userId)}` : ''}`);

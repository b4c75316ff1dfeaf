import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/problem';
import { useAuth } from '../auth/AuthContext';

export const portfolioQueryKey = ['portfolio'] as const;

export interface PortfolioPolling {
  /** How often to ask again while the portfolio does not exist yet. */
  intervalMs: number;
  /** How long to keep asking before showing an error with a retry. */
  maxWaitMs: number;
}

export const defaultPolling: PortfolioPolling = { intervalMs: 1000, maxWaitMs: 30_000 };

export function isNotOpenedYet(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/**
 * The caller's portfolio. Registration opens it asynchronously (UserRegistered → Portfolio), so a
 * 404 right after sign-up means "not yet": the query keeps retrying every interval until maxWaitMs.
 */
export function usePortfolio(polling: PortfolioPolling = defaultPolling) {
  const { api } = useAuth();
  const maxNotFoundRetries = Math.max(1, Math.ceil(polling.maxWaitMs / polling.intervalMs));
  return useQuery({
    queryKey: portfolioQueryKey,
    queryFn: ({ signal }) => api.getPortfolio(signal),
    retry: (failureCount, error) => {
      if (isNotOpenedYet(error)) return failureCount < maxNotFoundRetries;
      if (isTransient(error)) return failureCount < 2;
      return false;
    },
    retryDelay: (failureCount, error) =>
      isNotOpenedYet(error) ? polling.intervalMs : Math.min(1000 * 2 ** failureCount, 4000),
  });
}

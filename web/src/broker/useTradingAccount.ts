import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { brokerKeys, getTradingAccount } from './api';

/**
 * The user's trading account (paper or live). Execution creates it from `UserRegistered`, so a 404 right after
 * sign-up means "not yet": keep asking for a while. Shared by the header badge, the dashboard switch and the ticket,
 * so all three always show the same mode.
 */
export function useTradingAccount() {
  const { api, status } = useAuth();
  return useQuery({
    queryKey: brokerKeys.account,
    queryFn: ({ signal }) => getTradingAccount(api, signal),
    enabled: status === 'authenticated',
    retry: (count, error) => (error instanceof ApiError && error.status === 404 ? count < 30 : count < 2),
    retryDelay: 1000,
    // Another tab may switch it: read it again when the window regains focus and now and then.
    refetchInterval: 30_000,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { billingApi } from './billingApi';
import type { Subscription } from './types';

export const subscriptionQueryKey = ['billing', 'subscription'] as const;
export const historyQueryKey = ['billing', 'history'] as const;

/** Billing starts the trial when it hears of the registration, so a 404 right after sign-up means "not yet". */
export function useSubscription(options: { refetchIntervalMs?: number | false } = {}) {
  const { api, status } = useAuth();
  return useQuery({
    queryKey: subscriptionQueryKey,
    queryFn: ({ signal }) => billingApi.subscription(api, signal),
    enabled: status === 'authenticated',
    retry: (failureCount, error) => error instanceof ApiError && error.status === 404 && failureCount < 30,
    retryDelay: 1000,
    refetchInterval: options.refetchIntervalMs ?? false,
  });
}

export function useBillingHistory() {
  const { api } = useAuth();
  return useQuery({ queryKey: historyQueryKey, queryFn: ({ signal }) => billingApi.history(api, signal) });
}

/** Subscribe, manage, cancel, resume: each refreshes the subscription and history it changed. */
export function useSubscriptionActions(navigateTo: (url: string) => void) {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const refresh = async (subscription?: Subscription) => {
    if (subscription) queryClient.setQueryData(subscriptionQueryKey, subscription);
    await queryClient.invalidateQueries({ queryKey: ['billing'] });
  };

  const subscribe = useMutation({
    mutationFn: () => billingApi.checkout(api),
    onSuccess: async (result) => {
      if (result.url) navigateTo(result.url);
      else await refresh(result.subscription);
    },
  });
  const manage = useMutation({
    mutationFn: () => billingApi.portal(api),
    onSuccess: (result) => {
      if (result.url) navigateTo(result.url);
    },
  });
  const cancel = useMutation({ mutationFn: () => billingApi.cancel(api), onSuccess: refresh });
  const resume = useMutation({ mutationFn: () => billingApi.resume(api), onSuccess: refresh });
  return { subscribe, manage, cancel, resume };
}

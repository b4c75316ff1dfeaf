import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { subscribeHub, type HubMessage } from '../trading/hubBus';
import { strategyKeys } from './api';

/** The strategy run an account-hub message is about: `orderUpdated`/`orderFilled` of a strategy's order carry its id. */
export function strategyRunIdOf(name: HubMessage, payload: unknown): string | null {
  if (name !== 'orderUpdated' && name !== 'orderFilled') return null;
  if (typeof payload !== 'object' || payload === null) return null;
  const id = (payload as { strategyRunId?: unknown }).strategyRunId;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** Between polls, a strategy's order changing or filling refreshes that run and the list at once. */
export function useStrategyHubRefresh(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeHub((name, payload) => {
        const runId = strategyRunIdOf(name, payload);
        if (!runId) return;
        void queryClient.invalidateQueries({ queryKey: strategyKeys.list });
        void queryClient.invalidateQueries({ queryKey: strategyKeys.run(runId) });
      }),
    [queryClient],
  );
}

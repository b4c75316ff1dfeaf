import { useSyncExternalStore } from 'react';

export type HubState = 'connecting' | 'live' | 'offline';

/**
 * The account hub's connection state, set by the layout's connection and read by any view that wants to say
 * whether its figures are live (the dashboard shows it beside the figures, the top bar in the corner).
 */
let current: HubState = 'connecting';
const listeners = new Set<() => void>();

export function setHubState(state: HubState): void {
  if (state === current) return;
  current = state;
  for (const listener of listeners) listener();
}

export function useHubState(): HubState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

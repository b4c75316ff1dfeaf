import { useHubState } from '../realtime/hubStatus';

const labels = { connecting: 'Connecting…', live: 'Real-time', offline: 'Not real-time' } as const;
const titles = {
  connecting: 'Connecting to real-time updates…',
  live: 'Prices, positions and orders update as they change.',
  offline: 'Real-time updates are unavailable; figures are as last loaded. Reload to refresh.',
} as const;

/** Whether the figures on the page are streaming, beside the figures themselves. */
export function HubStatusBadge() {
  const state = useHubState();
  return (
    <span className={`live live--${state} live--inline`} title={titles[state]} data-testid="hub-status" data-state={state}>
      <span className="live__dot" aria-hidden="true" />
      {labels[state]}
    </span>
  );
}

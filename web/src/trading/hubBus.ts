/**
 * The account hub's server → client messages, fanned out to whichever trading views are mounted.
 * The hub connection lives in the layout; pages subscribe here rather than opening their own.
 */
export const hubMessages = [
  'portfolioUpdated',
  'quotes',
  'orderUpdated',
  'orderFilled',
  'orderRejected',
  'tradingHalted',
  'tradingResumed',
] as const;

export type HubMessage = (typeof hubMessages)[number];
type Listener = (name: HubMessage, payload: unknown) => void;

const listeners = new Set<Listener>();

export function publishHubMessage(name: HubMessage, payload: unknown): void {
  for (const listener of listeners) listener(name, payload);
}

export function subscribeHub(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

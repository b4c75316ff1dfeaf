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

/**
 * A fill comes as one `fillApplied` message carrying everything it changed: the orders (`orderUpdated` payloads), the
 * fill (an `orderFilled` payload) and the portfolio right after it (a `portfolioUpdated` payload). The views take the
 * parts, in that order, as the messages they would have been on their own.
 */
export function fillAppliedParts(payload: unknown): Array<[HubMessage, unknown]> {
  if (!payload || typeof payload !== 'object') return [];
  const { orders, fill, portfolio } = payload as { orders?: unknown; fill?: unknown; portfolio?: unknown };
  const parts: Array<[HubMessage, unknown]> = [];
  if (Array.isArray(orders)) {
    for (const order of orders) if (order && typeof order === 'object') parts.push(['orderUpdated', order]);
  }
  if (fill && typeof fill === 'object') parts.push(['orderFilled', fill]);
  if (portfolio && typeof portfolio === 'object') parts.push(['portfolioUpdated', portfolio]);
  return parts;
}

export function publishHubMessage(name: HubMessage, payload: unknown): void {
  for (const listener of listeners) listener(name, payload);
}

export function subscribeHub(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

import { formatMoney, formatQuantity } from '../lib/money';
import type { HubMessage } from './hubBus';

export interface ActivityItem {
  id: string;
  at: string;
  kind: 'fill' | 'rejected' | 'halted' | 'resumed';
  text: string;
  detail?: string;
}

const MAX_ITEMS = 20;

type Payload = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Turns a hub message into a line of the activity feed (fills, rejections with reasons, halts); others are not shown. */
export function toActivity(name: HubMessage, payload: unknown): ActivityItem | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Payload;
  switch (name) {
    case 'orderFilled':
      return {
        id: `fill-${str(p.fillId)}`,
        at: str(p.filledAt),
        kind: 'fill',
        text: `${str(p.side) === 'sell' ? 'Sold' : 'Bought'} ${formatQuantity(p.quantity)} ${str(p.symbol)} @ ${formatMoney(p.price, 'USD')}`,
        detail: `Fee ${formatMoney(p.fee, 'USD')}`,
      };
    case 'orderRejected': {
      const codes = Array.isArray(p.reasonCodes) ? (p.reasonCodes as string[]).join(', ') : '';
      return {
        id: `rej-${str(p.orderId)}`,
        at: str(p.rejectedAt),
        kind: 'rejected',
        text: `${str(p.symbol)} order rejected: ${str(p.reason)}`,
        ...(codes ? { detail: codes } : {}),
      };
    }
    case 'tradingHalted':
      return { id: `halt-${str(p.code)}-${str(p.haltedAt)}`, at: str(p.haltedAt), kind: 'halted', text: `Trading halted: ${str(p.reason)}` };
    case 'tradingResumed':
      return { id: `resume-${str(p.resumedAt)}`, at: str(p.resumedAt), kind: 'resumed', text: `Trading resumed: ${str(p.reason)}` };
    default:
      return null;
  }
}

/** Newest first, each event once (the hub may redeliver), at most twenty. */
export function addActivity(items: ActivityItem[], item: ActivityItem | null): ActivityItem[] {
  if (!item || items.some((i) => i.id === item.id)) return items;
  return [item, ...items].slice(0, MAX_ITEMS);
}

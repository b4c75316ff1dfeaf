import { formatMoney, formatQuantity } from '../lib/money';
import type { Order, Trade } from './apiTypes';
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
      return fillItem(str(p.fillId), str(p.filledAt), str(p.side), p.quantity, str(p.symbol), p.price, p.fee);
    case 'orderRejected':
      return rejectionItem(str(p.orderId), str(p.rejectedAt), str(p.symbol), str(p.reason), p.reasonCodes);
    case 'tradingHalted':
      return { id: `halt-${str(p.code)}-${str(p.haltedAt)}`, at: str(p.haltedAt), kind: 'halted', text: `Trading halted: ${str(p.reason)}` };
    case 'tradingResumed':
      return { id: `resume-${str(p.resumedAt)}`, at: str(p.resumedAt), kind: 'resumed', text: `Trading resumed: ${str(p.reason)}` };
    default:
      return null;
  }
}

function fillItem(fillId: string, at: string, side: string, quantity: unknown, symbol: string, price: unknown, fee: unknown): ActivityItem {
  return {
    id: `fill-${fillId}`,
    at,
    kind: 'fill',
    text: `${side === 'sell' ? 'Sold' : 'Bought'} ${formatQuantity(quantity)} ${symbol} @ ${formatMoney(price, 'USD')}`,
    detail: `Fee ${formatMoney(fee, 'USD')}`,
  };
}

function rejectionItem(orderId: string, at: string, symbol: string, reason: string, reasonCodes: unknown): ActivityItem {
  const codes = Array.isArray(reasonCodes) ? (reasonCodes as string[]).join(', ') : '';
  return {
    id: `rej-${orderId}`,
    at,
    kind: 'rejected',
    text: `${symbol} order rejected: ${reason}`,
    ...(codes ? { detail: codes } : {}),
  };
}

/** The feed's start when the page opens: the latest fills from the trade history and the latest rejected orders, as the
 * hub would have shown them (the same ids, so a live repeat of one is not shown twice), newest first. */
export function recentActivity(trades: Trade[], rejected: Order[]): ActivityItem[] {
  const items = [
    ...trades.map((t) => fillItem(t.fillId, t.filledAt, t.side, t.quantity, t.symbol, t.price, t.fee)),
    ...rejected.map((o) => rejectionItem(o.id, o.updatedAt, o.symbol, o.reason ?? '', o.reasonCodes)),
  ];
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, MAX_ITEMS);
}

/** What arrived live, then what was there before it, each event once. */
export function withRecent(live: ActivityItem[], recent: ActivityItem[]): ActivityItem[] {
  const seen = new Set(live.map((i) => i.id));
  return [...live, ...recent.filter((i) => !seen.has(i.id))].slice(0, MAX_ITEMS);
}

/** Newest first, each event once (the hub may redeliver), at most twenty. */
export function addActivity(items: ActivityItem[], item: ActivityItem | null): ActivityItem[] {
  if (!item || items.some((i) => i.id === item.id)) return items;
  return [item, ...items].slice(0, MAX_ITEMS);
}

import { describe, expect, it } from 'vitest';
import type { Order } from './apiTypes';
import { applyOrderUpdate, fromMessage, removeOrder } from './ordersReducer';

const order = (id: string, status: string, updatedAt = '2026-12-01T10:00:00Z'): Order => ({
  id,
  clientOrderId: `c-${id}`,
  symbol: 'AAPL',
  side: 'buy',
  type: 'limit',
  timeInForce: 'day',
  quantity: 10,
  notional: null,
  filledQuantity: 0,
  averageFillPrice: null,
  limitPrice: 180,
  stopPrice: null,
  status,
  reason: null,
  updatedAt,
});

describe('applyOrderUpdate', () => {
  it('adds a new open order at the top', () => {
    const next = applyOrderUpdate([order('a', 'accepted')], order('b', 'pending_risk'));
    expect(next.map((o) => o.id)).toEqual(['b', 'a']);
  });

  it('replaces a partially filled order in place and removes it once filled', () => {
    const list = [order('a', 'accepted'), order('b', 'accepted')];
    const partial = applyOrderUpdate(list, { ...order('b', 'partially_filled', '2026-12-01T10:00:01Z'), filledQuantity: 4 });
    expect(partial.map((o) => [o.id, o.status, o.filledQuantity])).toEqual([['a', 'accepted', 0], ['b', 'partially_filled', 4]]);
    expect(applyOrderUpdate(partial, order('b', 'filled', '2026-12-01T10:00:02Z')).map((o) => o.id)).toEqual(['a']);
  });

  it('ignores a stale update and a closed order it never held', () => {
    const list = [order('a', 'partially_filled', '2026-12-01T10:00:05Z')];
    expect(applyOrderUpdate(list, order('a', 'accepted', '2026-12-01T10:00:01Z'))).toBe(list);
    expect(applyOrderUpdate(list, order('z', 'canceled'))).toBe(list);
  });
});

describe('fromMessage and removeOrder', () => {
  it('maps the event id and drops a rejected order', () => {
    const { id, ...rest } = order('x', 'accepted');
    expect(fromMessage({ ...rest, orderId: id }).id).toBe('x');
    expect(removeOrder([order('x', 'accepted')], 'x')).toEqual([]);
  });
});

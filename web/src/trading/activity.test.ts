import { describe, expect, it } from 'vitest';
import { addActivity, recentActivity, toActivity, withRecent } from './activity';
import type { Order, Trade } from './apiTypes';

describe('toActivity', () => {
  it('describes a fill with price and fee', () => {
    const item = toActivity('orderFilled', {
      fillId: 'f1', symbol: 'AAPL', side: 'buy', quantity: 2, price: 190.5, fee: 0.01, filledAt: '2026-12-01T10:00:00Z',
    });
    expect(item).toMatchObject({ id: 'fill-f1', kind: 'fill', text: 'Bought 2 AAPL @ $190.50', detail: 'Fee $0.01' });
  });

  it('keeps the reason and codes of a rejection', () => {
    const item = toActivity('orderRejected', {
      orderId: 'o1', symbol: 'TSLA', reason: 'Position would be 11% of equity', reasonCodes: ['risk.position_size'],
      rejectedAt: '2026-12-01T10:00:00Z',
    });
    expect(item).toMatchObject({ kind: 'rejected', text: 'TSLA order rejected: Position would be 11% of equity', detail: 'risk.position_size' });
  });

  it('ignores quotes and empty payloads', () => {
    expect(toActivity('quotes', [{ symbol: 'A' }])).toBeNull();
    expect(toActivity('orderFilled', null)).toBeNull();
  });
});

describe('addActivity', () => {
  it('puts the newest first, drops repeats and keeps twenty', () => {
    let items = addActivity([], { id: 'a', at: '', kind: 'fill', text: 'a' });
    items = addActivity(items, { id: 'a', at: '', kind: 'fill', text: 'a again' });
    expect(items).toHaveLength(1);
    for (let i = 0; i < 30; i++) items = addActivity(items, { id: `n${i}`, at: '', kind: 'fill', text: '' });
    expect(items).toHaveLength(20);
    expect(items[0]?.id).toBe('n29');
  });
});

describe('recentActivity and withRecent', () => {
  const trade = (fillId: string, filledAt: string): Trade => ({
    fillId, orderId: `o-${fillId}`, symbol: 'AAPL', side: 'sell', quantity: 3, price: 200, fee: 0.5, amount: 600,
    cashChange: 599.5, realizedPnl: 10, positionAfter: 0, filledAt, clientOrderId: null,
  });
  const rejection = { id: 'r1', symbol: 'TSLA', status: 'rejected', reason: 'Daily loss reached.', reasonCodes: ['risk.daily_loss'],
    updatedAt: '2026-12-01T10:30:00Z' } as Order;

  it('reads fills and rejections from before the page opened as the hub would have shown them, newest first', () => {
    const items = recentActivity([trade('f2', '2026-12-01T11:00:00Z'), trade('f1', '2026-12-01T10:00:00Z')], [rejection]);
    expect(items.map((i) => i.id)).toEqual(['fill-f2', 'rej-r1', 'fill-f1']);
    expect(items[0]).toMatchObject({ kind: 'fill', text: 'Sold 3 AAPL @ $200.00', detail: 'Fee $0.50' });
    expect(items[1]).toMatchObject({ kind: 'rejected', text: 'TSLA order rejected: Daily loss reached.', detail: 'risk.daily_loss' });
    expect(toActivity('orderFilled', { fillId: 'f2', symbol: 'AAPL', side: 'sell', quantity: 3, price: 200, fee: 0.5, filledAt: '2026-12-01T11:00:00Z' }))
      .toEqual(items[0]);
  });

  it('puts what arrived live first and shows an event once', () => {
    const recent = recentActivity([trade('f1', '2026-12-01T10:00:00Z')], []);
    const live = addActivity([], { id: 'fill-f1', at: '2026-12-01T10:00:00Z', kind: 'fill', text: 'again' });
    expect(withRecent(live, recent)).toEqual(live);
    const newer = addActivity([], { id: 'fill-f9', at: '2026-12-01T12:00:00Z', kind: 'fill', text: 'new' });
    expect(withRecent(newer, recent).map((i) => i.id)).toEqual(['fill-f9', 'fill-f1']);
  });
});

import { describe, expect, it } from 'vitest';
import { addActivity, toActivity } from './activity';

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

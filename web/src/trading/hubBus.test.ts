import { describe, expect, it } from 'vitest';
import { fillAppliedParts } from './hubBus';

describe('fillAppliedParts', () => {
  const order = (orderId: string, status: string) => ({ orderId, status });

  it('gives the orders, then the fill, then the portfolio, as the messages they stand for', () => {
    const fill = { orderId: 'o1', fillId: 'f1', symbol: 'AAPL' };
    const portfolio = { cash: 9000, positions: [{ symbol: 'AAPL' }] };
    const parts = fillAppliedParts({
      orderId: 'o1',
      fillId: 'f1',
      mode: 'paper',
      orders: [order('o1', 'filled'), order('leg-1', 'accepted'), order('leg-2', 'accepted')],
      fill,
      portfolio,
    });
    expect(parts).toEqual([
      ['orderUpdated', order('o1', 'filled')],
      ['orderUpdated', order('leg-1', 'accepted')],
      ['orderUpdated', order('leg-2', 'accepted')],
      ['orderFilled', fill],
      ['portfolioUpdated', portfolio],
    ]);
  });

  it('skips parts that are missing or not objects', () => {
    expect(fillAppliedParts({ orderId: 'o1', orders: [null, 'x'], fill: null })).toEqual([]);
    expect(fillAppliedParts({ orders: [], fill: { fillId: 'f1' } })).toEqual([['orderFilled', { fillId: 'f1' }]]);
  });

  it('gives nothing for a payload that is not an object', () => {
    expect(fillAppliedParts(undefined)).toEqual([]);
    expect(fillAppliedParts('fillApplied')).toEqual([]);
  });
});

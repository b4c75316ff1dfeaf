import { describe, expect, it } from 'vitest';
import { describePreview, describePreviewAge, describeQuote, emptyTicket, toPreviewRequest, validateTicket } from './ticket';

describe('validateTicket', () => {
  it('builds a market order by quantity', () => {
    const { errors, order } = validateTicket({ ...emptyTicket, symbol: 'aapl', size: '1.5' });
    expect(errors).toEqual({});
    expect(order).toEqual({ symbol: 'AAPL', side: 'buy', type: 'market', timeInForce: 'day', quantity: 1.5 });
  });

  it('requires the prices the type needs', () => {
    const { errors } = validateTicket({ ...emptyTicket, symbol: 'AAPL', type: 'stop_limit', size: '2' });
    expect(errors).toEqual({ limitPrice: 'Required for stop_limit orders.', stopPrice: 'Required for stop_limit orders.' });
  });

  it('refuses notional limit orders, fractional limit quantities and ioc stops', () => {
    expect(validateTicket({ ...emptyTicket, symbol: 'A', type: 'limit', limitPrice: '10', sizeMode: 'notional', size: '100' }).errors)
      .toHaveProperty('notional');
    expect(validateTicket({ ...emptyTicket, symbol: 'A', type: 'limit', limitPrice: '10', size: '1.5' }).errors)
      .toHaveProperty('quantity');
    expect(validateTicket({ ...emptyTicket, symbol: 'A', type: 'stop', stopPrice: '10', size: '1', timeInForce: 'ioc' }).errors)
      .toHaveProperty('timeInForce');
  });

  it('checks the bracket is on the protective side', () => {
    const buy = validateTicket({ ...emptyTicket, symbol: 'A', size: '1', stopLoss: '110', takeProfit: '100' });
    expect(buy.errors.stopLoss).toMatch(/below/);
    const sell = validateTicket({ ...emptyTicket, symbol: 'A', side: 'sell', size: '1', stopLoss: '110', takeProfit: '100' });
    expect(sell.errors).toEqual({});
  });

  it('maps an order to Risk preview field names', () => {
    const { order } = validateTicket({
      ...emptyTicket, symbol: 'A', type: 'limit', size: '3', limitPrice: '99.5', stopLoss: '95', takeProfit: '110',
    });
    expect(toPreviewRequest(order!)).toEqual({
      symbol: 'A', side: 'buy', orderType: 'limit', quantity: 3, limitPrice: 99.5, stopLossPrice: 95, takeProfitPrice: 110,
    });
  });
});

describe('describePreview', () => {
  const approved = { approved: true, violations: [] };

  it('states the size, its value and the default bracket of an opening buy', () => {
    const order = { symbol: 'AAPL', side: 'buy' as const, type: 'market' as const, timeInForce: 'day' as const, quantity: 3 };
    expect(describePreview(order, {
      ...approved, quantity: 3, referencePrice: 215.6, isOpening: true, stopLossPrice: 204.82, takeProfitPrice: 237.16,
    })).toEqual({
      size: 'Buy 3 AAPL at about $215.60: $646.80.',
      bracket: 'Once it fills: stop-loss at $204.82 and take-profit at $237.16, one cancelling the other.',
    });
  });

  it('prices a limit order at its limit and a dollar order at the shares Risk worked out', () => {
    const limit = { symbol: 'MSFT', side: 'buy' as const, type: 'limit' as const, timeInForce: 'gtc' as const, quantity: 2, limitPrice: 400 };
    expect(describePreview(limit, { ...approved, quantity: 2, referencePrice: 400, isOpening: true, stopLossPrice: 380 }))
      .toEqual({ size: 'Buy 2 MSFT at the limit $400.00: $800.00.', bracket: 'Once it fills: stop-loss at $380.00.' });
    const dollars = { symbol: 'AAPL', side: 'buy' as const, type: 'market' as const, timeInForce: 'day' as const, notional: 1000 };
    expect(describePreview(dollars, { ...approved, quantity: 4.638219, referencePrice: 215.6, isOpening: true }).size)
      .toBe('Buy about 4.638219 AAPL at about $215.60: $1,000.00.');
  });

  it('says a reducing sell gets no bracket, and an opening order without legs none either', () => {
    const sell = { symbol: 'AAPL', side: 'sell' as const, type: 'market' as const, timeInForce: 'day' as const, quantity: 1 };
    expect(describePreview(sell, { ...approved, quantity: 1, referencePrice: 200, isOpening: false }).bracket)
      .toBe('It reduces your position, so no stop-loss or take-profit is attached.');
    expect(describePreview(sell, { ...approved, quantity: 1, referencePrice: 200, isOpening: true, stopLossPrice: null, takeProfitPrice: null }).bracket)
      .toBe('No stop-loss or take-profit will be attached.');
  });

  it('says nothing it does not know', () => {
    const dollars = { symbol: 'XYZ', side: 'buy' as const, type: 'market' as const, timeInForce: 'day' as const, notional: 500 };
    expect(describePreview(dollars, { approved: false, violations: [{ code: 'symbol.unknown', message: 'Unknown.' }], quantity: 0, referencePrice: 0 }))
      .toEqual({ size: 'Buy $500.00 of XYZ; there is no price for it yet.', bracket: null });
    expect(describePreview(dollars, { approved: false, violations: [] })).toEqual({ size: 'Buy $500.00 of XYZ; there is no price for it yet.', bracket: null });
  });
});

describe('describeQuote', () => {
  const quote = { symbol: 'AAPL', last: 215.51, bid: 215.48, ask: 215.54, previousClose: 214.61, change: 0.9, changePercent: 0.42, timestamp: '' };

  it('shows bid, ask, last and the day change, and says when prices are simulated', () => {
    expect(describeQuote(quote, 'simulated')).toBe('Bid $215.48 · Ask $215.54 · Last $215.51, +0.42% today (simulated)');
    expect(describeQuote({ ...quote, changePercent: -1.5 }, 'alpaca')).toBe('Bid $215.48 · Ask $215.54 · Last $215.51, -1.50% today');
  });
});

describe('describePreviewAge', () => {
  const at = Date.UTC(2026, 11, 5, 14, 0, 0);

  it('is fresh for half a minute, counting seconds, then minutes and stale', () => {
    expect(describePreviewAge(at, at + 4_999)).toEqual({ text: 'Checked just now.', stale: false });
    expect(describePreviewAge(at, at + 12_400)).toEqual({ text: 'Checked 12 s ago.', stale: false });
    expect(describePreviewAge(at, at + 29_999).stale).toBe(false);
    expect(describePreviewAge(at, at + 30_000)).toMatchObject({ stale: true });
    expect(describePreviewAge(at, at + 30_000).text).toMatch(/^Checked 30 s ago: prices have moved since\. .*Risk checks the order again when it is sent/);
    expect(describePreviewAge(at, at + 150_000).text).toMatch(/^Checked 2 min ago: /);
  });

  it('never shows a negative age when the clock steps back', () => {
    expect(describePreviewAge(at, at - 3_000)).toEqual({ text: 'Checked just now.', stale: false });
  });
});

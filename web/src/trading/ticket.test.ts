import { describe, expect, it } from 'vitest';
import { emptyTicket, toPreviewRequest, validateTicket } from './ticket';

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

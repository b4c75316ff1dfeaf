import { describe, expect, it } from 'vitest';
import { applyHaltMessage, applyQuotes } from './accountReducer';
import { formatFraction, signClass } from './format';
import type { Account } from './types';

const account: Account = {
  portfolioId: 'p',
  userId: 'u',
  mode: 'paper',
  currency: 'USD',
  cash: 9000,
  equity: 10000,
  dayPnl: 0,
  openedAt: '2026-12-01T00:00:00Z',
  positions: [{ symbol: 'AAPL', quantity: 10, averagePrice: 100, marketPrice: 100, marketValue: 1000, unrealizedPnl: 0 }],
};

describe('applyQuotes', () => {
  it('re-marks a held position and moves equity and day P&L by the change in value', () => {
    const next = applyQuotes(account, [{ symbol: 'AAPL', last: 101.5 }]);
    expect(next.positions[0]).toMatchObject({ marketPrice: 101.5, marketValue: 1015, unrealizedPnl: 15, unrealizedPnlPercent: 0.015 });
    expect(next.positions[0]?.weight).toBeCloseTo(1015 / 10015, 6);
    expect(next.equity).toBe(10015);
    expect(next.dayPnl).toBe(15);
    expect(next.cash).toBe(9000);
  });

  it('ignores quotes for symbols not held', () => {
    expect(applyQuotes(account, [{ symbol: 'MSFT', last: 300 }])).toBe(account);
  });
});

describe('applyHaltMessage', () => {
  it('adds a resumable drawdown halt and clears it on resume', () => {
    const halted = applyHaltMessage({ halted: false, halts: [] }, 'tradingHalted', {
      code: 'risk.drawdown_halt',
      reason: 'Drawdown 16% exceeds 15%',
      haltedAt: '2026-12-01T10:00:00Z',
      until: null,
    });
    expect(halted.halted).toBe(true);
    expect(halted.halts[0]).toMatchObject({ canResume: true, since: '2026-12-01T10:00:00Z' });
    expect(applyHaltMessage(halted, 'tradingResumed', { reason: 'ok' })).toEqual({ halted: false, halts: [] });
  });

  it('keeps a daily loss halt through a resume of the drawdown halt', () => {
    let state = applyHaltMessage({ halted: false, halts: [] }, 'tradingHalted', { code: 'risk.daily_loss_halt', reason: 'd' });
    state = applyHaltMessage(state, 'tradingHalted', { code: 'risk.drawdown_halt', reason: 'dd' });
    state = applyHaltMessage(state, 'tradingResumed', { reason: 'ok' });
    expect(state.halted).toBe(true);
    expect(state.halts.map((h) => h.code)).toEqual(['risk.daily_loss_halt']);
  });

  it('does not offer resume for a daily loss halt', () => {
    const halted = applyHaltMessage({ halted: false, halts: [] }, 'tradingHalted', {
      code: 'risk.daily_loss_halt',
      reason: 'Daily loss 5%',
    });
    expect(halted.halts[0]?.canResume).toBe(false);
  });
});

describe('format', () => {
  it('shows fractions as percents and signs as classes', () => {
    expect(formatFraction(0.0512)).toBe('5.12%');
    expect(formatFraction(undefined)).toBe('—');
    expect(formatFraction(-0.00001)).toBe('0.00%');
    expect(signClass(-1)).toBe('loss');
    expect(signClass('2')).toBe('gain');
    expect(signClass(0)).toBe('');
  });
});

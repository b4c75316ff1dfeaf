import { describe, expect, it } from 'vitest';
import type { RiskUsage } from './apiTypes';
import { barWidth, usageLevel, usageRows } from './riskUsage';

const usage: RiskUsage = {
  equity: 10000,
  cash: 8000,
  startOfDayEquity: 10100,
  peakEquity: 10200,
  valuedAt: null,
  positions: [
    { symbol: 'AAPL', quantity: 5, marketValue: 900, fractionOfEquity: 0.09, limit: 0.1, usage: 0.9 },
    { symbol: 'MSFT', quantity: 1, marketValue: 400, fractionOfEquity: 0.04, limit: 0.1, usage: 0.4 },
  ],
  openPositions: { used: 2, limit: 10, usage: 0.2 },
  dailyLoss: { used: 0.0099, limit: 0.05, usage: 0.198 },
  drawdown: { used: 0.0196, limit: 0.15, usage: 0.1307 },
  orderRate: { used: 30, limit: 30, usage: 1 },
};

describe('usageRows', () => {
  it('shows the largest position first and every limit with its level', () => {
    const rows = usageRows(usage);
    expect(rows.map((r) => r.key)).toEqual(['position', 'openPositions', 'dailyLoss', 'drawdown', 'orderRate']);
    expect(rows[0]).toMatchObject({ label: 'Largest position (AAPL)', used: '9.00%', limit: '10.0%', level: 'warn' });
    expect(rows[2]).toMatchObject({ used: '0.99%', limit: '5.00%', level: 'ok' });
    expect(rows[4]?.level).toBe('breach');
  });

  it('has an empty position row without positions', () => {
    expect(usageRows({ ...usage, positions: [] }, 0.08)[0]).toMatchObject({ used: 'none', limit: '8.00%', usage: 0, level: 'ok' });
    expect(usageRows({ ...usage, positions: [] })[0]?.limit).toBe('—');
  });
});

describe('usageLevel and barWidth', () => {
  it('warns from three quarters and breaches at the limit', () => {
    expect(usageLevel(0.74)).toBe('ok');
    expect(usageLevel(0.75)).toBe('warn');
    expect(usageLevel(1.2)).toBe('breach');
  });

  it('clamps the bar to the track', () => {
    expect(barWidth(-1)).toBe('0.0%');
    expect(barWidth(0.5)).toBe('50.0%');
    expect(barWidth(3)).toBe('100.0%');
    expect(barWidth(Number.NaN)).toBe('0.0%');
  });
});

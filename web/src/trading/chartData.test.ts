import { describe, expect, it } from 'vitest';
import { appendLive, liveDrawdown, maxDrawdown, rangeQuery, toEquitySeries } from './chartData';

const now = new Date('2026-12-01T15:00:00Z');

describe('rangeQuery', () => {
  it('counts UTC days back from now', () => {
    expect(rangeQuery('1D', now)).toBe('?from=2026-12-01');
    expect(rangeQuery('1W', now)).toBe('?from=2026-11-24');
    expect(rangeQuery('1M', now)).toBe('?from=2026-11-01');
  });

  it('starts All at the day the portfolio opened', () => {
    expect(rangeQuery('ALL', now, '2026-06-15T09:30:00Z')).toBe('?from=2026-06-15');
  });
});

describe('toEquitySeries', () => {
  it('orders points, keeps the last of each second and hangs drawdown below zero', () => {
    const series = toEquitySeries([
      { time: '2026-12-01T10:00:01.900Z', equity: 10050, drawdown: 0, kind: 'live' },
      { time: '2026-11-30T23:59:59Z', equity: '10000', drawdown: '0.02', kind: 'daily' },
      { time: '2026-12-01T10:00:01.100Z', equity: 10040, drawdown: 0.01, kind: 'intraday' },
      { time: 'not a time', equity: 1, drawdown: 0, kind: 'intraday' },
    ]);
    expect(series.equity.map((p) => p.value)).toEqual([10000, 10050]);
    expect(series.equity[0]!.time).toBe(Date.parse('2026-11-30T23:59:59Z') / 1000);
    expect(series.drawdown.map((p) => p.value)).toEqual([-0.02, -0]);
    expect(maxDrawdown(series)).toBe(0.02);
  });
});

describe('appendLive', () => {
  const base = toEquitySeries([{ time: '2026-12-01T10:00:00Z', equity: 10000, drawdown: 0, kind: 'live' }]);

  it('appends a newer point and replaces one in the same second', () => {
    const next = appendLive(base, '2026-12-01T10:00:05Z', 10010, 0);
    expect(next.equity.map((p) => p.value)).toEqual([10000, 10010]);
    const same = appendLive(next, '2026-12-01T10:00:05.500Z', 10012, 0.001);
    expect(same.equity.map((p) => p.value)).toEqual([10000, 10012]);
    expect(same.drawdown[1]!.value).toBe(-0.001);
  });

  it('ignores points older than the curve or without a time', () => {
    expect(appendLive(base, '2026-12-01T09:00:00Z', 9000, 0)).toEqual(base);
    expect(appendLive(base, undefined, 9000, 0)).toBe(base);
  });
});

describe('liveDrawdown', () => {
  it('measures from the peak, never below zero, and falls back without one', () => {
    expect(liveDrawdown(9500, 10000, 0)).toBeCloseTo(0.05);
    expect(liveDrawdown(10100, 10000, 0)).toBe(0);
    expect(liveDrawdown(9500, undefined, '0.03')).toBe(0.03);
  });
});

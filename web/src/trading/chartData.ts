import { toNumber } from '../lib/money';
import type { EquityPoint } from './apiTypes';

/** A point lightweight-charts plots: time in UTC seconds, strictly increasing within a series. */
export interface SeriesPoint {
  time: number;
  value: number;
}

export interface EquitySeries {
  equity: SeriesPoint[];
  /** Drawdown from peak as a negative fraction (−0.05 = 5% below the peak), so it hangs below zero. */
  drawdown: SeriesPoint[];
}

export type ChartRange = '1D' | '1W' | '1M' | '3M' | '1Y' | 'ALL';

export const chartRanges: { range: ChartRange; label: string }[] = [
  { range: '1D', label: '1D' },
  { range: '1W', label: '1W' },
  { range: '1M', label: '1M' },
  { range: '3M', label: '3M' },
  { range: '1Y', label: '1Y' },
  { range: 'ALL', label: 'All' },
];

const rangeDays: Record<Exclude<ChartRange, 'ALL'>, number> = { '1D': 0, '1W': 7, '1M': 30, '3M': 91, '1Y': 365 };

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** `?from=yyyy-mm-dd` for `/api/v1/portfolio/equity` (UTC days; `to` defaults to today on the server). */
export function rangeQuery(range: ChartRange, now: Date, openedAt?: string): string {
  if (range === 'ALL') {
    const opened = openedAt ? new Date(openedAt) : null;
    return opened && !Number.isNaN(opened.getTime()) ? `?from=${utcDay(opened)}` : '?from=2000-01-01';
  }
  const from = new Date(now.getTime() - rangeDays[range] * 86_400_000);
  return `?from=${utcDay(from)}`;
}

function toSeconds(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/**
 * Sorts the API's points by time and keeps the latest point of each second: the chart refuses
 * unordered or repeated times, and a daily close, an intraday point and the live point can collide.
 */
export function toEquitySeries(points: EquityPoint[]): EquitySeries {
  const bySecond = new Map<number, { equity: number; drawdown: number }>();
  const ordered = points
    .map((p) => ({ p, ms: Date.parse(p.time) }))
    .filter(({ ms }) => !Number.isNaN(ms))
    .sort((a, b) => a.ms - b.ms);
  for (const { p, ms } of ordered) {
    const equity = toNumber(p.equity);
    if (equity === null) continue;
    bySecond.set(Math.floor(ms / 1000), { equity, drawdown: toNumber(p.drawdown) ?? 0 });
  }
  const times = [...bySecond.keys()].sort((a, b) => a - b);
  return {
    equity: times.map((time) => ({ time, value: bySecond.get(time)!.equity })),
    drawdown: times.map((time) => ({ time, value: -Math.abs(bySecond.get(time)!.drawdown) })),
  };
}

const MAX_POINTS = 5000;

function appendPoint(series: SeriesPoint[], point: SeriesPoint): SeriesPoint[] {
  const last = series[series.length - 1];
  if (last && point.time < last.time) return series;
  const kept = last && point.time === last.time ? series.slice(0, -1) : series;
  const next = [...kept, point];
  return next.length > MAX_POINTS ? next.slice(next.length - MAX_POINTS) : next;
}

/** Adds a live revaluation (hub `portfolioUpdated`) to the end of the curve; older or unreadable points are dropped. */
export function appendLive(series: EquitySeries, at: string | undefined, equity: unknown, drawdown: unknown): EquitySeries {
  const time = at ? toSeconds(at) : null;
  const value = toNumber(equity);
  if (time === null || value === null) return series;
  return {
    equity: appendPoint(series.equity, { time, value }),
    drawdown: appendPoint(series.drawdown, { time, value: -Math.abs(toNumber(drawdown) ?? 0) }),
  };
}

/** The deepest drawdown in the series, as a positive fraction (0 when the curve never fell). */
export function maxDrawdown(series: EquitySeries): number {
  return series.drawdown.reduce((worst, p) => Math.max(worst, -p.value), 0);
}

/** Drawdown of a live mark: from the peak when the account carries one (quotes move equity between revaluations). */
export function liveDrawdown(equity: unknown, peakEquity: unknown, fallback: unknown): number {
  const e = toNumber(equity);
  const peak = toNumber(peakEquity);
  if (e !== null && peak !== null && peak > 0) return Math.max(0, (peak - Math.max(e, 0)) / peak);
  return toNumber(fallback) ?? 0;
}

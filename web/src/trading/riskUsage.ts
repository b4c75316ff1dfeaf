import type { RiskUsage } from './apiTypes';

export type UsageLevel = 'ok' | 'warn' | 'breach';

export interface UsageRow {
  key: string;
  label: string;
  /** What is used, as the user reads it (`4.1%`, `3`). */
  used: string;
  limit: string;
  /** used / limit, 1 = at the limit. */
  usage: number;
  level: UsageLevel;
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(Math.abs(fraction) < 0.1 ? 2 : 1)}%`;

/** Past three quarters of a limit is a warning; at or over it, a breach. */
export function usageLevel(usage: number): UsageLevel {
  if (usage >= 1) return 'breach';
  if (usage >= 0.75) return 'warn';
  return 'ok';
}

/** The bar's width: a share of the track, never negative and never past the end. */
export function barWidth(usage: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(usage) ? usage : 0));
  return `${(clamped * 100).toFixed(1)}%`;
}

function row(key: string, label: string, used: string, limit: string, usage: number): UsageRow {
  return { key, label, used, limit, usage, level: usageLevel(usage) };
}

/** Risk's usage figures as the rows of the "how close is each limit" panel, largest position first. */
export function usageRows(usage: RiskUsage, maxPositionFraction?: number): UsageRow[] {
  const largest = usage.positions.reduce<RiskUsage['positions'][number] | undefined>(
    (top, p) => (!top || p.usage > top.usage ? p : top),
    undefined,
  );
  return [
    largest
      ? row('position', `Largest position (${largest.symbol})`, pct(largest.fractionOfEquity), pct(largest.limit), largest.usage)
      : row('position', 'Largest position', 'none', maxPositionFraction === undefined ? '—' : pct(maxPositionFraction), 0),
    row('openPositions', 'Open positions', String(usage.openPositions.used), String(usage.openPositions.limit), usage.openPositions.usage),
    row('dailyLoss', 'Daily loss', pct(usage.dailyLoss.used), pct(usage.dailyLoss.limit), usage.dailyLoss.usage),
    row('drawdown', 'Drawdown from peak', pct(usage.drawdown.used), pct(usage.drawdown.limit), usage.drawdown.usage),
    row('orderRate', 'Orders this minute', String(usage.orderRate.used), String(usage.orderRate.limit), usage.orderRate.usage),
  ];
}

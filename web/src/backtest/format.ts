export function pct(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}

export function num(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

export function usd(value: number | null | undefined): string {
  return value === null || value === undefined
    ? '—'
    : value.toLocaleString('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function date(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

export function eta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  return seconds < 1 ? 'less than a second left' : `about ${Math.ceil(seconds)} s left`;
}

export function kindLabel(kind: string): string {
  return kind === 'optimization' ? 'Optimisation' : kind === 'comparison' ? 'Comparison' : 'Backtest';
}

/** A chart axis price with the locale's digit grouping and two decimals: 4512.3 → "4,512.30" in en-US. */
export function axisPrice(value: number, locale?: string): string {
  return value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const metricNames: Record<string, string> = {
  sharpe: 'Sharpe',
  cagr: 'CAGR',
  calmar: 'Calmar',
  total_return: 'Return',
  profit_factor: 'Profit factor',
  max_drawdown: 'Max DD',
  sortino: 'Sortino',
};

/** How a metric's API name ("total_return") reads in a table header ("Return"). */
export function metricLabel(name: string): string {
  return metricNames[name] ?? name.replace(/_/g, ' ');
}

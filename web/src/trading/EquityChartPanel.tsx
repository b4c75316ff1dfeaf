import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatFraction } from './format';
import { getEquity, tradingKeys } from './api';
import { appendLive, chartRanges, liveDrawdown, maxDrawdown, rangeQuery, toEquitySeries, type ChartRange, type EquitySeries } from './chartData';
import { EquityChart } from './EquityChart';
import type { Account } from './types';

/**
 * The equity and drawdown curve over the chosen range, read from Portfolio's snapshots and intraday points, then
 * extended with every live mark of the account (hub revaluations and quote re-marks) while the page is open.
 */
export function EquityChartPanel({ account }: { account: Account }) {
  const { api } = useAuth();
  const [range, setRange] = useState<ChartRange>('1D');
  const query = useMemo(() => rangeQuery(range, new Date(), account.openedAt), [range, account.openedAt]);
  const equity = useQuery({
    queryKey: tradingKeys.equity(query),
    queryFn: ({ signal }) => getEquity(api, query, signal),
    staleTime: 60_000,
  });
  const [series, setSeries] = useState<EquitySeries>({ equity: [], drawdown: [] });

  useEffect(() => {
    if (equity.data) setSeries(toEquitySeries(equity.data));
  }, [equity.data]);

  // Every range ends today, so every live mark extends the curve.
  const { equity: liveEquity, peakEquity, drawdown } = account;
  useEffect(() => {
    if (!equity.data) return;
    setSeries((s) => appendLive(s, new Date().toISOString(), liveEquity, liveDrawdown(liveEquity, peakEquity, drawdown)));
  }, [equity.data, liveEquity, peakEquity, drawdown]);

  return (
    <section className="panel chart-panel" aria-labelledby="equity-chart-title">
      <div className="panel__header">
        <h2 id="equity-chart-title">Equity &amp; drawdown</h2>
        <div className="segmented" role="group" aria-label="Chart range">
          {chartRanges.map((r) => (
            <button
              key={r.range}
              type="button"
              className={`segmented__item${r.range === range ? ' segmented__item--active' : ''}`}
              aria-pressed={r.range === range}
              onClick={() => setRange(r.range)}
            >
              {r.label}
            </button>
          ))}
        </div>
      </div>
      {equity.error ? (
        <ErrorAlert error={equity.error} />
      ) : !equity.data ? (
        <div className="chart-placeholder" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the equity curve…
        </div>
      ) : (
        <>
          <EquityChart series={series} fitKey={range} />
          <p className="chart-caption muted">
            {series.equity.length <= 1
              ? 'The curve starts with your first valuation; it grows as prices move.'
              : `Deepest drawdown in range ${formatFraction(maxDrawdown(series))}. Times in UTC, as the trading sessions are kept.`}
          </p>
        </>
      )}
    </section>
  );
}

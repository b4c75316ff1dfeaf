import { useMemo } from 'react';
import { TimeChart, colorAt, day, type ChartMarker } from './charts';
import { date, metricLabel, num, pct, usd } from './format';
import type { ComparisonResult, EvaluationRow, OptimizationResult, RunOutput, Statistics } from './types';

const statisticRows: [string, (s: Statistics) => string][] = [
  ['Total return', (s) => pct(s.totalReturn)],
  ['CAGR', (s) => pct(s.cagr)],
  ['Sharpe', (s) => num(s.sharpe)],
  ['Sortino', (s) => num(s.sortino)],
  ['Volatility (ann.)', (s) => pct(s.annualizedVolatility)],
  ['Max drawdown', (s) => pct(s.maxDrawdown)],
  ['Longest drawdown (days)', (s) => num(s.maxDrawdownDurationDays, 0)],
  ['Calmar', (s) => num(s.calmar)],
  ['Trades', (s) => String(s.tradeCount)],
  ['Win rate', (s) => pct(s.winRate)],
  ['Profit factor', (s) => num(s.profitFactor)],
  ['Average win', (s) => usd(s.averageWin)],
  ['Average loss', (s) => usd(s.averageLoss)],
  ['Expectancy', (s) => usd(s.expectancy)],
  ['Exposure', (s) => pct(s.exposure)],
  ['Fees paid', (s) => usd(s.feesPaid)],
  ['Net profit', (s) => usd(s.netProfit)],
];

export function StatisticsTable({ columns }: { columns: { label: string; statistics: Statistics; finalEquity: number }[] }) {
  return (
    <div className="table-wrap">
      <table className="table bt-stats" data-testid="statistics">
        <thead><tr><th scope="col">Statistic</th>{columns.map((c) => <th key={c.label} scope="col" className="num">{c.label}</th>)}</tr></thead>
        <tbody>
          <tr><th scope="row">Final equity</th>{columns.map((c) => <td key={c.label} className="num">{usd(c.finalEquity)}</td>)}</tr>
          {statisticRows.map(([name, format]) => (
            <tr key={name}><th scope="row">{name}</th>{columns.map((c) => <td key={c.label} className="num">{format(c.statistics)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RunView({ run }: { run: RunOutput }) {
  const equity = useMemo(() => [{ name: 'Equity', color: '#2563eb', area: true, points: run.equity.map((e) => ({ time: day(e.time), value: e.equity })) }], [run]);
  const drawdown = useMemo(() => [{ name: 'Drawdown', color: '#dc2626', area: true, points: run.equity.map((e) => ({ time: day(e.time), value: -e.drawdown })) }], [run]);
  const prices = useMemo(() => [{ name: run.priceSymbol ?? 'Price', color: '#cbd5e1', points: run.prices.map((p) => ({ time: day(p.time), value: p.close })) }], [run]);
  const markers = useMemo<ChartMarker[]>(
    () => run.trades.filter((t) => t.symbol === run.priceSymbol).flatMap((t) => [
      { time: day(t.entryTime), kind: 'buy' as const, text: 'B' },
      { time: day(t.exitTime), kind: 'sell' as const, text: 'S' },
    ]),
    [run],
  );
  return (
    <>
      <dl className="metrics">
        <div className="metric metric--emphasis"><dt>Final equity</dt><dd data-testid="final-equity">{usd(run.finalEquity)}</dd></div>
        <div className="metric"><dt>Total return</dt><dd>{pct(run.statistics.totalReturn)}</dd></div>
        <div className="metric"><dt>Sharpe</dt><dd>{num(run.statistics.sharpe)}</dd></div>
        <div className="metric"><dt>Max drawdown</dt><dd>{pct(run.statistics.maxDrawdown)}</dd></div>
      </dl>
      <section className="panel"><h2>Equity</h2><TimeChart label="equity" lines={equity} /></section>
      <section className="panel"><h2>Drawdown</h2><TimeChart label="drawdown" lines={drawdown} height={160} percent /></section>
      {run.prices.length > 0 ? (
        <section className="panel"><h2>{run.priceSymbol} with trades (B = buy, S = sell)</h2><TimeChart label="price" lines={prices} markers={markers} /></section>
      ) : null}
      <section className="panel"><h2>Statistics</h2><StatisticsTable columns={[{ label: run.label, statistics: run.statistics, finalEquity: run.finalEquity }]} /></section>
      <section className="panel">
        <h2>Trades ({run.trades.length}){run.rejectedOrders > 0 ? <span className="muted"> · {run.rejectedOrders} orders rejected</span> : null}</h2>
        <div className="table-wrap bt-scroll">
          <table className="table" data-testid="trades">
            <thead><tr><th>Symbol</th><th>Entry</th><th className="num">Entry price</th><th>Exit</th><th className="num">Exit price</th><th className="num">Quantity</th><th className="num">Fees</th><th className="num">Net P&amp;L</th><th>Exit reason</th></tr></thead>
            <tbody>
              {run.trades.map((t, i) => (
                <tr key={i}>
                  <td>{t.symbol}</td><td>{date(t.entryTime)}</td><td className="num">{num(t.entryPrice)}</td><td>{date(t.exitTime)}</td>
                  <td className="num">{num(t.exitPrice)}</td><td className="num">{t.quantity}</td><td className="num">{usd(t.fees)}</td>
                  <td className={t.netProfit >= 0 ? 'num gain' : 'num loss'}>{usd(t.netProfit)}</td><td>{t.exitReason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {run.openPositions.length > 0 ? <p className="muted">Still open at the end: {run.openPositions.map((p) => `${p.quantity} ${p.symbol}`).join(', ')} (valued at the last close).</p> : null}
      </section>
    </>
  );
}

export function ComparisonView({ result }: { result: ComparisonResult }) {
  const { comparison } = result;
  const lines = useMemo(
    () => comparison.entries.map((e, i) => ({ name: e.label, color: colorAt(i), points: comparison.dates.map((d, j) => ({ time: day(d), value: e.equity[j]! })) })),
    [comparison],
  );
  return (
    <>
      <section className="panel"><h2>Equity curves (benchmark: {comparison.benchmark})</h2><TimeChart label="comparison" lines={lines} height={340} /></section>
      <section className="panel"><h2>Side by side</h2><StatisticsTable columns={comparison.entries.map((e) => ({ label: e.label, statistics: e.statistics, finalEquity: e.finalEquity }))} /></section>
    </>
  );
}

const topSetMetrics: { metric: string; label: string; cell: (row: EvaluationRow) => string }[] = [
  { metric: 'total_return', label: metricLabel('total_return'), cell: (row) => pct(row.totalReturn) },
  { metric: 'cagr', label: metricLabel('cagr'), cell: (row) => pct(row.cagr) },
  { metric: 'sharpe', label: metricLabel('sharpe'), cell: (row) => num(row.sharpe) },
  { metric: 'max_drawdown', label: metricLabel('max_drawdown'), cell: (row) => pct(row.maxDrawdown) },
  { metric: 'trade_count', label: 'Trades', cell: (row) => (row.trades === null ? '—' : String(row.trades)) },
];

/** The top-sets table's metric columns after the objective's: the objective's own metric is already the score
 * column, so it is not repeated. */
export function topSetColumns(objective: string) {
  return topSetMetrics.filter((c) => c.metric !== objective);
}

export function OptimizationView({ result }: { result: OptimizationResult }) {
  const columns = topSetColumns(result.objective);
  return (
    <>
      <p className="muted">
        {result.evaluated.toLocaleString('en-US')} sets evaluated ({result.search}), {result.valid} valid, {result.feasible} met the constraints
        {result.constraints.length > 0 ? ` (${result.constraints.join(', ')})` : ''}; objective: {result.objective.replace('_', ' ')}.
      </p>
      {result.surface ? <Heatmap surface={result.surface} objective={result.objective} /> : null}
      <section className="panel">
        <h2>Top parameter sets</h2>
        <div className="table-wrap">
          <table className="table" data-testid="top-sets">
            <thead>
              <tr>
                <th>#</th>{result.parameters.map((p) => <th key={p}>{p}</th>)}
                <th className="num" title="The objective the sets are ranked by">{metricLabel(result.objective)} (objective)</th>
                {columns.map((c) => <th key={c.metric} className="num">{c.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {result.top.map((row) => (
                <tr key={row.rank}>
                  <td>{row.rank}</td>{result.parameters.map((p) => <td key={p}>{row.parameters[p]}</td>)}
                  <td className="num">{num(row.score, 3)}</td>
                  {columns.map((c) => <td key={c.metric} className="num">{c.cell(row)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {result.walkForward ? <WalkForwardTable walk={result.walkForward} parameters={result.parameters} /> : null}
      {result.bestRun ? <><h2>Best set, run in full</h2><RunView run={result.bestRun} /></> : null}
    </>
  );
}

/** Colour of a score between the surface's min and max: red (worst) through yellow to green (best). */
export function heatColor(value: number | null, min: number, max: number): string {
  if (value === null) return '#334155';
  const t = max > min ? (value - min) / (max - min) : 1;
  const hue = Math.round(t * 120);
  return `hsl(${hue}, 70%, 55%)`;
}

function Heatmap({ surface, objective }: { surface: NonNullable<OptimizationResult['surface']>; objective: string }) {
  const values = surface.scores.flat().filter((v): v is number => v !== null);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return (
    <section className="panel">
      <h2>{objective.replace('_', ' ')} by {surface.x} × {surface.y}</h2>
      <div className="bt-heatmap" data-testid="heatmap" style={{ gridTemplateColumns: `auto repeat(${surface.xValues.length}, minmax(2.2rem, 1fr))` }}>
        <span className="bt-heatmap__corner">{surface.y} ↓ / {surface.x} →</span>
        {surface.xValues.map((x) => <span key={`x${x}`} className="bt-heatmap__axis">{x}</span>)}
        {surface.yValues.map((y, yi) => (
          <div key={`y${y}`} className="bt-heatmap__row">
            <span className="bt-heatmap__axis">{y}</span>
            {surface.xValues.map((x, xi) => {
              const score = surface.scores[yi]?.[xi] ?? null;
              return (
                <span key={`${x}-${y}`} className="bt-heatmap__cell" style={{ background: heatColor(score, min, max) }}
                  title={`${surface.x}=${x}, ${surface.y}=${y}: ${score === null ? (surface.feasible[yi]?.[xi] ? 'undefined' : 'excluded') : score.toFixed(3)}`}>
                  {score === null ? '' : score.toFixed(2)}
                </span>
              );
            })}
          </div>
        ))}
      </div>
      <p className="muted">Grey cells: invalid, undefined or outside the constraints.</p>
    </section>
  );
}

function WalkForwardTable({ walk, parameters }: { walk: NonNullable<OptimizationResult['walkForward']>; parameters: string[] }) {
  return (
    <section className="panel">
      <h2>Walk-forward ({walk.inSampleBars} bars in sample, {walk.outOfSampleBars} out of sample)</h2>
      <p>
        Walk-forward efficiency <strong data-testid="wfe">{num(walk.efficiency)}</strong> (out-of-sample CAGR ÷ in-sample CAGR; near 1 holds up, near 0 is curve-fitting) ·
        out-of-sample return compounded {pct(walk.outOfSampleTotalReturn)}
      </p>
      <div className="table-wrap">
        <table className="table" data-testid="walk-forward">
          <thead><tr><th>#</th><th>In sample</th><th>Out of sample</th>{parameters.map((p) => <th key={p}>{p}</th>)}<th className="num">IS CAGR</th><th className="num">OOS CAGR</th><th className="num">OOS return</th><th className="num">OOS max DD</th></tr></thead>
          <tbody>
            {walk.windows.map((w) => (
              <tr key={w.window}>
                <td>{w.window}</td><td>{date(w.inSampleStart)} – {date(w.inSampleEnd)}</td><td>{date(w.outOfSampleStart)} – {date(w.outOfSampleEnd)}</td>
                {parameters.map((p) => <td key={p}>{w.bestParameters?.[p] ?? '—'}</td>)}
                <td className="num">{pct(w.inSampleCagr)}</td><td className="num">{pct(w.outOfSampleCagr)}</td><td className="num">{pct(w.outOfSampleReturn)}</td><td className="num">{pct(w.outOfSampleMaxDrawdown)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

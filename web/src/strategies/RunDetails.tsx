import type { UseQueryResult } from '@tanstack/react-query';
import { AccountModeBadge } from '../broker/AccountBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatQuantity, formatUsd } from '../lib/money';
import { signClass } from '../trading/format';
import { OrdersTable } from '../trading/OrdersTable';
import { statusText, when } from './format';
import { barLabel } from './strategyForm';
import type { StrategyRunDetails } from './types';

/** One run: its figures, P&L and positions, and its last signals and orders (newest first). */
export function RunDetails({
  details,
  displayName,
  stopping,
  onStop,
}: {
  details: UseQueryResult<StrategyRunDetails>;
  displayName: (name: string) => string;
  stopping: boolean;
  onStop: () => void;
}) {
  if (details.error) return <ErrorAlert error={details.error} />;
  if (!details.data) {
    return (
      <section className="panel" role="status">
        <p className="muted">Loading the run…</p>
      </section>
    );
  }
  const { run, signals, orders } = details.data;
  const title = run.name || displayName(run.strategy.name);
  return (
    <section className="panel strat-details" aria-labelledby="run-title" data-testid="run-details">
      <header className="panel__header strat-details__head">
        <div>
          <h2 id="run-title">
            {title} <AccountModeBadge mode={run.account} testId="run-details-account" />
          </h2>
          <p className="muted strat-details__sub">
            {title === displayName(run.strategy.name) ? run.symbols.join(', ') : `${displayName(run.strategy.name)} on ${run.symbols.join(', ')}`} · bars of{' '}
            {barLabel(run.barSeconds)}
            {run.barSource ? ` (${run.barSource === 'simulated' ? 'simulated feed' : `Alpaca ${run.barSource.replace('alpaca-', '').toUpperCase()} feed`})` : ''} · started{' '}
            {when(run.startedAt)}
            {run.stoppedAt ? ` · stopped ${when(run.stoppedAt)}` : ''}
          </p>
        </div>
        <div className="strat-details__actions">
          <span className={`strat-status strat-status--${run.status}`} data-testid="run-details-status">
            {statusText(run)}
          </span>
          {run.status === 'running' ? (
            <button type="button" className="button button--ghost button--warn-text" disabled={stopping} onClick={onStop}>
              {stopping ? 'Stopping…' : 'Stop strategy'}
            </button>
          ) : null}
        </div>
      </header>
      {run.stopDetail ? <p className="alert alert--warning alert__message">{run.stopDetail}</p> : null}

      <dl className="metrics strat-metrics">
        <div className="metric">
          <dt>Net P&amp;L</dt>
          <dd className={signClass(run.pnl.net)} data-testid="run-pnl-net">
            {formatUsd(run.pnl.net)}
          </dd>
        </div>
        <div className="metric">
          <dt>Realized</dt>
          <dd className={signClass(run.pnl.realized)} data-testid="run-pnl-realized">
            {formatUsd(run.pnl.realized)}
          </dd>
        </div>
        <div className="metric">
          <dt>Unrealized</dt>
          <dd className={signClass(run.pnl.unrealized)} data-testid="run-pnl-unrealized">
            {formatUsd(run.pnl.unrealized)}
          </dd>
        </div>
        <div className="metric">
          <dt>Fees</dt>
          <dd>{formatUsd(run.pnl.fees)}</dd>
        </div>
        <div className="metric">
          <dt>Allocation</dt>
          <dd>{formatUsd(run.allocation)}</dd>
        </div>
        <div className="metric">
          <dt>Bars · orders</dt>
          <dd>
            {run.barsProcessed} · {run.ordersSent}
          </dd>
        </div>
      </dl>

      <h3>Positions</h3>
      {run.pnl.positions.length === 0 ? (
        <p className="muted" data-testid="run-no-positions">
          No open positions.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Strategy positions">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col" className="num">Quantity</th>
                <th scope="col" className="num">Average price</th>
                <th scope="col" className="num">Market price</th>
                <th scope="col" className="num">Market value</th>
                <th scope="col" className="num">Unrealized P&amp;L</th>
              </tr>
            </thead>
            <tbody>
              {run.pnl.positions.map((p) => (
                <tr key={p.symbol} data-testid={`run-position-${p.symbol}`}>
                  <th scope="row">{p.symbol}</th>
                  <td className="num">{formatQuantity(p.quantity)}</td>
                  <td className="num">{formatUsd(p.averagePrice)}</td>
                  <td className="num">{formatUsd(p.marketPrice)}</td>
                  <td className="num">{formatUsd(p.marketValue)}</td>
                  <td className={`num ${signClass(p.unrealizedPnl)}`}>{formatUsd(p.unrealizedPnl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Last signals</h3>
      {signals.length === 0 ? (
        <p className="muted" data-testid="run-no-signals">
          No signals yet: the strategy acts at the close of each bar ({barLabel(run.barSeconds)}).
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Strategy signals">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Symbol</th>
                <th scope="col">Side</th>
                <th scope="col" className="num">Quantity</th>
                <th scope="col">Order</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {signals.map((s, i) => (
                <tr key={`${s.time}-${s.symbol}-${i}`}>
                  <td className="muted">{when(s.time)}</td>
                  <th scope="row">{s.symbol}</th>
                  <td className={s.side === 'buy' ? 'gain' : 'loss'}>{s.side}</td>
                  <td className="num">{formatQuantity(s.quantity)}</td>
                  <td>
                    {s.orderType.replace('_', ' ')}
                    {s.limitPrice !== null && s.limitPrice !== undefined ? ` lmt ${formatUsd(s.limitPrice)}` : ''}
                    {s.stopPrice !== null && s.stopPrice !== undefined ? ` stp ${formatUsd(s.stopPrice)}` : ''}
                  </td>
                  <td>{s.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Orders</h3>
      {orders.length === 0 ? (
        <p className="muted" data-testid="run-no-orders">
          No orders yet.
        </p>
      ) : (
        <OrdersTable orders={orders} label="Strategy orders" />
      )}
    </section>
  );
}

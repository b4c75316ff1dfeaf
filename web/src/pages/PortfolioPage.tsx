import type { ReactNode } from 'react';
import type { Portfolio, Position } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatMoney, formatQuantity, toNumber } from '../lib/money';
import {
  defaultPolling,
  isNotOpenedYet,
  usePortfolio,
  type PortfolioPolling,
} from '../portfolio/usePortfolio';

export function PortfolioPage({ polling = defaultPolling }: { polling?: PortfolioPolling }) {
  const query = usePortfolio(polling);
  const { data, error, failureReason, isFetching, refetch } = query;

  if (data) return <PortfolioView portfolio={data} />;

  const lastFailure = failureReason ?? error;
  if (isFetching && isNotOpenedYet(lastFailure)) {
    return (
      <StatusPanel title="Opening your portfolio…">
        <p className="muted">
          We are setting up your paper trading account and its starting cash. This usually takes a
          few seconds.
        </p>
        <span className="spinner" aria-hidden="true" />
      </StatusPanel>
    );
  }

  if (isFetching || !error) {
    return (
      <StatusPanel title="Loading your portfolio…">
        <span className="spinner" aria-hidden="true" />
      </StatusPanel>
    );
  }

  return (
    <section className="panel panel--status" aria-labelledby="portfolio-error">
      <h1 id="portfolio-error">
        {isNotOpenedYet(error) ? 'Your portfolio is not ready yet' : 'Could not load your portfolio'}
      </h1>
      {isNotOpenedYet(error) ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__message">
            Opening your portfolio is taking longer than expected. Please try again in a moment.
          </p>
        </div>
      ) : (
        <ErrorAlert error={error} />
      )}
      <button type="button" className="button button--primary" onClick={() => void refetch()}>
        Try again
      </button>
    </section>
  );
}

function StatusPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel panel--status" role="status" aria-live="polite">
      <h1>{title}</h1>
      {children}
    </section>
  );
}

function modeLabel(mode: string | undefined): string {
  const lower = (mode ?? 'paper').toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function formatOpenedAt(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? '—'
    : date.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
}

function PortfolioView({ portfolio }: { portfolio: Portfolio }) {
  const money = (value: unknown) => formatMoney(value, portfolio.currency);
  const cash = toNumber(portfolio.cash);
  const equity = toNumber(portfolio.equity);
  const invested = cash !== null && equity !== null ? equity - cash : null;
  const positions = portfolio.positions ?? [];

  return (
    <div className="portfolio">
      <header className="page-header">
        <div>
          <h1>Portfolio</h1>
          <p className="muted">Opened {formatOpenedAt(portfolio.openedAt)}</p>
        </div>
        <span
          className={`badge badge--${modeLabel(portfolio.mode) === 'Live' ? 'live' : 'paper'}`}
          aria-label={`Account mode: ${modeLabel(portfolio.mode)}`}
        >
          {modeLabel(portfolio.mode)}
        </span>
      </header>

      <dl className="metrics">
        <Metric label="Equity" value={money(portfolio.equity)} emphasis />
        <Metric label="Cash balance" value={money(portfolio.cash)} />
        <Metric label="Invested" value={money(invested)} />
        <Metric label="Open positions" value={String(positions.length)} />
      </dl>

      <section className="panel" aria-labelledby="positions-title">
        <h2 id="positions-title">Positions</h2>
        {positions.length === 0 ? (
          <div className="empty">
            <p className="empty__title">No open positions</p>
            <p className="muted">Positions appear here as soon as your first order fills.</p>
          </div>
        ) : (
          <PositionsTable positions={positions} money={money} />
        )}
      </section>
    </div>
  );
}

function Metric({ label, value, emphasis }: { label: string; value: string; emphasis?: boolean }) {
  return (
    <div className={emphasis ? 'metric metric--emphasis' : 'metric'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function PositionsTable({ positions, money }: { positions: Position[]; money: (v: unknown) => string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col" className="num">Quantity</th>
            <th scope="col" className="num">Avg. price</th>
            <th scope="col" className="num">Market price</th>
            <th scope="col" className="num">Market value</th>
            <th scope="col" className="num">Unrealized P&amp;L</th>
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => {
            const pnl = toNumber(p.unrealizedPnl);
            const pnlClass = pnl === null || pnl === 0 ? '' : pnl > 0 ? 'gain' : 'loss';
            return (
              <tr key={p.symbol}>
                <th scope="row">{p.symbol}</th>
                <td className="num">{formatQuantity(p.quantity)}</td>
                <td className="num">{money(p.averagePrice)}</td>
                <td className="num">{money(p.marketPrice)}</td>
                <td className="num">{money(p.marketValue)}</td>
                <td className={`num ${pnlClass}`}>{money(p.unrealizedPnl)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

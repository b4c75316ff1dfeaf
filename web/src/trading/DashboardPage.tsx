import { useMutation, useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatMoney, formatQuantity } from '../lib/money';
import { formatFraction, signClass } from './format';
import { getAccount, getHalt, resumeTrading, useLiveAccount } from './useAccountHubState';
import type { Account } from './types';

export const accountQueryKey = ['trading', 'account'] as const;
export const haltQueryKey = ['trading', 'halt'] as const;

/** Equity, day P&L, cash, buying power and open positions, kept live from the account hub. */
export function DashboardPage() {
  const { api } = useAuth();
  const accountQuery = useQuery({ queryKey: accountQueryKey, queryFn: ({ signal }) => getAccount(api, signal) });
  const haltQuery = useQuery({ queryKey: haltQueryKey, queryFn: () => getHalt(api), retry: false });
  const { account, halt, setHalt } = useLiveAccount(accountQuery.data, haltQuery.data);
  const resume = useMutation({
    mutationFn: () => resumeTrading(api, 'Acknowledged from the dashboard'),
    onSuccess: (state) => setHalt(state),
  });

  if (!account) {
    if (accountQuery.error) return <ErrorAlert error={accountQuery.error} />;
    return (
      <section className="panel panel--status" role="status">
        <h1>Loading your account…</h1>
        <span className="spinner" aria-hidden="true" />
      </section>
    );
  }

  return (
    <div className="portfolio">
      <header className="page-header">
        <h1>Dashboard</h1>
        <span className="badge badge--paper" title="Prices come from a seeded simulation, not a real market.">
          Simulated prices
        </span>
      </header>

      {halt.halted &&
        halt.halts.map((h) => (
          <div key={h.code} className="alert alert--error" role="alert" data-testid="halt-banner">
            <p className="alert__message">
              <strong>Trading halted:</strong> {h.reason}
              {h.until ? ` (until ${new Date(h.until).toLocaleString()})` : ''}
            </p>
            {(h.canResume ?? h.code === 'risk.drawdown_halt') && (
              <button
                type="button"
                className="button button--primary"
                disabled={resume.isPending}
                onClick={() => resume.mutate()}
              >
                Resume trading
              </button>
            )}
          </div>
        ))}
      {resume.error && <ErrorAlert error={resume.error} />}

      <AccountMetrics account={account} />
      <OpenPositions account={account} />
    </div>
  );
}

function AccountMetrics({ account }: { account: Account }) {
  const money = (v: unknown) => formatMoney(v, account.currency);
  return (
    <dl className="metrics">
      <div className="metric metric--emphasis">
        <dt>Equity</dt>
        <dd data-testid="equity">{money(account.equity)}</dd>
      </div>
      <div className="metric">
        <dt>Day P&amp;L</dt>
        <dd className={signClass(account.dayPnl)} data-testid="day-pnl">
          {money(account.dayPnl)}
        </dd>
      </div>
      <div className="metric">
        <dt>Cash</dt>
        <dd data-testid="cash">{money(account.cash)}</dd>
      </div>
      <div className="metric">
        <dt>Buying power</dt>
        <dd data-testid="buying-power">{money(account.buyingPower ?? account.cash)}</dd>
      </div>
      <div className="metric">
        <dt>Drawdown</dt>
        <dd>{formatFraction(account.drawdown)}</dd>
      </div>
    </dl>
  );
}

function OpenPositions({ account }: { account: Account }) {
  const money = (v: unknown) => formatMoney(v, account.currency);
  const positions = account.positions ?? [];
  return (
    <section className="panel" aria-labelledby="open-positions">
      <h2 id="open-positions">Open positions</h2>
      {positions.length === 0 ? (
        <p className="muted">No open positions.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col" className="num">Quantity</th>
                <th scope="col" className="num">Avg. price</th>
                <th scope="col" className="num">Last</th>
                <th scope="col" className="num">Market value</th>
                <th scope="col" className="num">Unrealized P&amp;L</th>
              </tr>
            </thead>
            <tbody>
              {positions.map((p) => (
                <tr key={p.symbol}>
                  <th scope="row">{p.symbol}</th>
                  <td className="num">{formatQuantity(p.quantity)}</td>
                  <td className="num">{money(p.averagePrice)}</td>
                  <td className="num">{money(p.marketPrice)}</td>
                  <td className="num">{money(p.marketValue)}</td>
                  <td className={`num ${signClass(p.unrealizedPnl)}`} data-testid={`pnl-${p.symbol}`}>
                    {money(p.unrealizedPnl)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { Link } from 'react-router';
import { AccountModeBadge } from '../broker/AccountBadge';
import { formatUsd } from '../lib/money';
import { signClass } from '../trading/format';
import { statusText, when } from './format';
import type { StrategyRun } from './types';

/** The user's runs, newest first: status, P&L attributed to each run, and a Stop for the running ones. */
export function RunsTable({
  runs,
  displayName,
  selectedId,
  stopping,
  onStop,
}: {
  runs: StrategyRun[];
  displayName: (name: string) => string;
  selectedId: string | undefined;
  stopping: string | null;
  onStop: (run: StrategyRun) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table strat-runs" aria-label="Strategy runs">
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <th scope="col">Account</th>
            <th scope="col">Status</th>
            <th scope="col">Symbols</th>
            <th scope="col" className="num">Allocation</th>
            <th scope="col" className="num">Realized</th>
            <th scope="col" className="num">Unrealized</th>
            <th scope="col" className="num">Net P&amp;L</th>
            <th scope="col" className="num">Orders</th>
            <th scope="col">Last bar</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-testid={`run-${run.id}`} className={run.id === selectedId ? 'strat-runs__selected' : undefined}>
              <th scope="row">
                <Link to={`/strategies/${run.id}`} aria-current={run.id === selectedId ? 'true' : undefined}>
                  {run.name || displayName(run.strategy.name)}
                </Link>
                {run.name && run.name !== displayName(run.strategy.name) ? <span className="strat-runs__kind">{displayName(run.strategy.name)}</span> : null}
              </th>
              <td>
                <AccountModeBadge mode={run.account} testId={`run-account-${run.id}`} />
              </td>
              <td>
                <span className={`strat-status strat-status--${run.status}`} data-testid={`run-status-${run.id}`} title={run.stopDetail ?? undefined}>
                  {statusText(run)}
                </span>
              </td>
              <td>{run.symbols.join(', ')}</td>
              <td className="num">{formatUsd(run.allocation)}</td>
              <td className={`num ${signClass(run.pnl.realized)}`}>{formatUsd(run.pnl.realized)}</td>
              <td className={`num ${signClass(run.pnl.unrealized)}`}>{formatUsd(run.pnl.unrealized)}</td>
              <td className={`num ${signClass(run.pnl.net)}`} data-testid={`run-net-${run.id}`}>
                {formatUsd(run.pnl.net)}
              </td>
              <td className="num" data-testid={`run-orders-${run.id}`}>
                {run.ordersSent}
              </td>
              <td className="muted">{when(run.lastBarAt)}</td>
              <td>
                {run.status === 'running' ? (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    disabled={stopping === run.id}
                    onClick={() => onStop(run)}
                    aria-label={`Stop ${run.name || displayName(run.strategy.name)}`}
                  >
                    {stopping === run.id ? 'Stopping…' : 'Stop'}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

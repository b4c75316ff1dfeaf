import { Link } from 'react-router';
import { formatMoney, formatQuantity } from '../lib/money';
import { formatFraction, signClass } from './format';
import type { Account } from './types';

const moneyOf = (account: Account) => (v: unknown) => formatMoney(v, account.currency);

/** The headline figures: equity, day P&L, cash, buying power, unrealized P&L and drawdown. */
export function AccountMetrics({ account }: { account: Account }) {
  const money = moneyOf(account);
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
          {account.dayPnlPercent !== undefined ? <span className="metric__sub">{formatFraction(account.dayPnlPercent)}</span> : null}
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
        <dt>Unrealized P&amp;L</dt>
        <dd className={signClass(account.unrealizedPnl)} data-testid="unrealized-pnl">
          {money(account.unrealizedPnl)}
        </dd>
      </div>
      <div className="metric">
        <dt>Drawdown</dt>
        <dd data-testid="drawdown">{formatFraction(account.drawdown)}</dd>
      </div>
    </dl>
  );
}

/** Open positions marked at the latest quote; the P&L columns move with every `quotes` push. */
export function PositionsTable({ account }: { account: Account }) {
  const money = moneyOf(account);
  const positions = account.positions ?? [];
  return (
    <section className="panel" aria-labelledby="open-positions">
      <div className="panel__header">
        <h2 id="open-positions">Open positions</h2>
        <Link to="/trade" className="panel__link">
          New order
        </Link>
      </div>
      {positions.length === 0 ? (
        <p className="muted" data-testid="no-positions">
          No open positions. <Link to="/trade">Place an order</Link> to start trading.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Open positions">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col" className="num">Quantity</th>
                <th scope="col" className="num">Avg. price</th>
                <th scope="col" className="num">Last</th>
                <th scope="col" className="num">Market value</th>
                <th scope="col" className="num">Weight</th>
                <th scope="col" className="num">Unrealized P&amp;L</th>
              </tr>
            </thead>
            <tbody>
              {positions.map((p) => (
                <tr key={p.symbol} data-testid={`position-${p.symbol}`}>
                  <th scope="row">{p.symbol}</th>
                  <td className="num">{formatQuantity(p.quantity)}</td>
                  <td className="num">{money(p.averagePrice)}</td>
                  <td className="num" data-testid={`last-${p.symbol}`}>{money(p.marketPrice)}</td>
                  <td className="num">{money(p.marketValue)}</td>
                  <td className="num">{formatFraction(p.weight)}</td>
                  <td className={`num ${signClass(p.unrealizedPnl)}`} data-testid={`pnl-${p.symbol}`}>
                    {money(p.unrealizedPnl)}
                    {p.unrealizedPnlPercent !== undefined ? (
                      <span className="metric__sub">{formatFraction(p.unrealizedPnlPercent)}</span>
                    ) : null}
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

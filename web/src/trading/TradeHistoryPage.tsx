import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatMoney, formatQuantity } from '../lib/money';
import { exportTradesCsv, listTrades, tradingKeys } from './api';
import type { Trade } from './apiTypes';
import { signClass } from './format';
import { subscribeHub } from './hubBus';
import { Pager } from './Pager';
import { defaultTradeFilters, toggleSort, tradesQuery, type TradeFilters, type TradeSortField } from './query';
import { TradeFiltersForm } from './TradeFiltersForm';
import './trading.css';

const columns: { field?: TradeSortField; label: string; num?: boolean }[] = [
  { field: 'filledAt', label: 'Filled at' },
  { field: 'symbol', label: 'Symbol' },
  { field: 'side', label: 'Side' },
  { field: 'quantity', label: 'Quantity', num: true },
  { field: 'price', label: 'Price', num: true },
  { label: 'Amount', num: true },
  { label: 'Fee', num: true },
  { field: 'realizedPnl', label: 'Realized P&L', num: true },
  { label: 'Position after', num: true },
];

const usd = (v: unknown) => formatMoney(v, 'USD');

/** Every fill of the account, filtered, sorted and paged by Portfolio, and exported as CSV with the same filters. */
export function TradeHistoryPage() {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<TradeFilters>(defaultTradeFilters);
  const query = tradesQuery(filters);
  const trades = useQuery({
    queryKey: tradingKeys.trades(query),
    queryFn: ({ signal }) => listTrades(api, query, signal),
    placeholderData: keepPreviousData,
  });
  const csv = useMutation({ mutationFn: () => exportTradesCsv(api, tradesQuery(filters, false)) });

  useEffect(
    () =>
      subscribeHub((name) => {
        if (name === 'orderFilled') void queryClient.invalidateQueries({ queryKey: ['trading', 'trades'] });
      }),
    [queryClient],
  );

  const sortMark = (field?: TradeSortField) =>
    field && filters.sort === field ? (filters.descending ? ' ▼' : ' ▲') : '';
  const ariaSort = (field?: TradeSortField) =>
    field && filters.sort === field ? (filters.descending ? 'descending' : 'ascending') : undefined;

  return (
    <div className="portfolio">
      <header className="page-header">
        <div>
          <h1>Trade history</h1>
          <p className="muted page-header__sub">Every fill of your paper account, with fees and realized P&amp;L.</p>
        </div>
        <button type="button" className="button" disabled={csv.isPending} onClick={() => csv.mutate()} data-testid="export-csv">
          {csv.isPending ? 'Exporting…' : 'Export CSV'}
        </button>
      </header>
      {csv.error ? <ErrorAlert error={csv.error} /> : null}
      {csv.isSuccess ? (
        <p className="alert alert--info" role="status" data-testid="export-done">
          Downloaded {csv.data} with the current filters (all pages).
        </p>
      ) : null}

      <section className="panel">
        <TradeFiltersForm value={filters} onApply={(draft) => setFilters((f) => ({ ...f, ...draft, page: 1 }))} />
        {trades.error ? (
          <ErrorAlert error={trades.error} />
        ) : !trades.data ? (
          <p className="muted" role="status">
            Loading trades…
          </p>
        ) : trades.data.items.length === 0 ? (
          <p className="empty muted" data-testid="no-trades">
            No trades match these filters.
          </p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table" aria-label="Trades" data-testid="trades-table">
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th key={c.label} scope="col" className={c.num ? 'num' : undefined} aria-sort={ariaSort(c.field)}>
                        {c.field ? (
                          <button type="button" className="sort-button" onClick={() => setFilters((f) => toggleSort(f, c.field!))}>
                            {c.label}
                            {sortMark(c.field)}
                          </button>
                        ) : (
                          c.label
                        )}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {trades.data.items.map((t: Trade) => (
                    <tr key={t.fillId}>
                      <td className="muted">{new Date(t.filledAt).toLocaleString()}</td>
                      <th scope="row">{t.symbol}</th>
                      <td className={t.side === 'buy' ? 'gain' : 'loss'}>{t.side}</td>
                      <td className="num">{formatQuantity(t.quantity)}</td>
                      <td className="num">{usd(t.price)}</td>
                      <td className="num">{usd(t.amount)}</td>
                      <td className="num">{usd(t.fee)}</td>
                      <td className={`num ${signClass(t.realizedPnl)}`}>{usd(t.realizedPnl)}</td>
                      <td className="num">{formatQuantity(t.positionAfter)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={filters.page}
              pageSize={filters.pageSize}
              total={trades.data.total}
              onPage={(page) => setFilters((f) => ({ ...f, page }))}
            />
          </>
        )}
      </section>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { cancelOrder, listOrders, tradingKeys } from './api';
import { subscribeHub } from './hubBus';
import { HubStatusBadge } from './HubStatusBadge';
import { OrdersTable } from './OrdersTable';
import { Pager } from './Pager';
import { noRangeFilters, ordersQuery, type OrderStatusFilter, type RangeFilters } from './query';
import { TradeFiltersForm } from './TradeFiltersForm';
import './trading.css';

const statusFilters: { value: OrderStatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'filled', label: 'Filled' },
  { value: 'canceled', label: 'Canceled' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'expired', label: 'Expired' },
  { value: 'all', label: 'All' },
];

const PAGE_SIZE = 25;

/** " for AAPL, sells only, from 2026-12-01": what an empty list was filtered by. */
function filtered(f: RangeFilters): string {
  const parts = [
    f.symbol ? `for ${f.symbol}` : '',
    f.side ? `${f.side}s only` : '',
    f.from ? `from ${f.from}` : '',
    f.to ? `to ${f.to}` : '',
  ].filter(Boolean);
  return parts.length ? ` ${parts.join(', ')}` : '';
}

/** Every order of the caller by status, newest first, with cancel for open ones; refreshed on each hub order event. */
export function OrdersPage() {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<OrderStatusFilter>('open');
  const [filters, setFilters] = useState<RangeFilters>(noRangeFilters);
  const [page, setPage] = useState(1);
  const query = ordersQuery(status, page, PAGE_SIZE, filters);
  const orders = useQuery({
    queryKey: tradingKeys.orders(query),
    queryFn: ({ signal }) => listOrders(api, query, signal),
    placeholderData: keepPreviousData,
  });
  const cancel = useMutation({
    mutationFn: (id: string) => cancelOrder(api, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['trading', 'orders'] }),
  });

  useEffect(
    () =>
      subscribeHub((name) => {
        if (name === 'orderUpdated' || name === 'orderRejected' || name === 'orderFilled')
          void queryClient.invalidateQueries({ queryKey: ['trading', 'orders'] });
      }),
    [queryClient],
  );

  return (
    <div className="portfolio">
      <header className="page-header">
        <h1>Orders</h1>
        <HubStatusBadge />
      </header>
      <section className="panel">
        <div className="filters">
          <div className="segmented" role="group" aria-label="Order status">
            {statusFilters.map((f) => (
              <button
                key={f.value}
                type="button"
                className={`segmented__item${f.value === status ? ' segmented__item--active' : ''}`}
                aria-pressed={f.value === status}
                onClick={() => {
                  setStatus(f.value);
                  setPage(1);
                }}
              >
                {f.label}
              </button>
            ))}
          </div>
        </div>
        <TradeFiltersForm
          value={filters}
          label="Order filters"
          onApply={(applied) => {
            setFilters(applied);
            setPage(1);
          }}
        />
        {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
        {orders.error ? (
          <ErrorAlert error={orders.error} />
        ) : !orders.data ? (
          <p className="muted" role="status">
            Loading orders…
          </p>
        ) : orders.data.items.length === 0 ? (
          <p className="empty muted">No {status === 'all' ? '' : `${statusFilters.find((f) => f.value === status)?.label.toLowerCase()} `}orders{filtered(filters)}.</p>
        ) : (
          <>
            <OrdersTable
              orders={orders.data.items}
              label="Orders"
              onCancel={(o) => cancel.mutate(o.id)}
              canceling={cancel.isPending ? (cancel.variables ?? null) : null}
            />
            <Pager page={page} pageSize={PAGE_SIZE} total={orders.data.total} onPage={setPage} />
          </>
        )}
      </section>
    </div>
  );
}

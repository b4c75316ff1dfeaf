import { Link } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { OrdersTable } from './OrdersTable';
import { useOpenOrders } from './useOpenOrders';

/** Working orders (limits, stops, bracket legs) with cancel, live from the hub. */
export function OpenOrdersPanel() {
  const { orders, query, cancel } = useOpenOrders();
  return (
    <section className="panel" aria-labelledby="open-orders-title">
      <div className="panel__header">
        <h2 id="open-orders-title">Open orders {orders && orders.length > 0 ? <span className="count">{orders.length}</span> : null}</h2>
        <Link to="/orders" className="panel__link">
          All orders
        </Link>
      </div>
      {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
      {query.error && !orders ? (
        <ErrorAlert error={query.error} />
      ) : !orders ? (
        <p className="muted" role="status">
          Loading open orders…
        </p>
      ) : orders.length === 0 ? (
        <p className="muted" data-testid="no-open-orders">
          No open orders. Market orders fill at once; limit and stop orders and bracket legs wait here.
        </p>
      ) : (
        <OrdersTable
          orders={orders}
          label="Open orders"
          onCancel={(o) => cancel.mutate(o)}
          canceling={cancel.isPending ? (cancel.variables?.id ?? null) : null}
        />
      )}
    </section>
  );
}

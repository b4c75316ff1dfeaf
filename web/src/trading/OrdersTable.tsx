import { formatMoney, formatQuantity } from '../lib/money';
import type { Order } from './apiTypes';
import { isOpenStatus } from './ordersReducer';

const statusLabels: Record<string, string> = {
  pending_risk: 'Risk check',
  accepted: 'Working',
  partially_filled: 'Partially filled',
  filled: 'Filled',
  canceled: 'Canceled',
  rejected: 'Rejected',
  expired: 'Expired',
  replaced: 'Replaced',
};

export const statusLabel = (status: string) => statusLabels[status] ?? status;

/** Today's orders by time only; older ones with the date. */
function created(iso: string): string {
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? date.toLocaleTimeString() : date.toLocaleString();
}

function size(order: Order): string {
  if (order.quantity !== null && order.quantity !== undefined) return formatQuantity(order.quantity);
  return `${formatMoney(order.notional, 'USD')} notional`;
}

function price(order: Order): string {
  const parts = [];
  if (order.limitPrice !== null && order.limitPrice !== undefined) parts.push(`lmt ${formatMoney(order.limitPrice, 'USD')}`);
  if (order.stopPrice !== null && order.stopPrice !== undefined) parts.push(`stp ${formatMoney(order.stopPrice, 'USD')}`);
  return parts.length > 0 ? parts.join(' / ') : 'market';
}

function typeLabel(order: Order): string {
  const leg = order.bracketLeg ? ` (${order.bracketLeg.replace('_', '-')})` : '';
  return `${order.type.replace('_', ' ')}${leg}`;
}

/** Orders with their state; open ones get a Cancel button while `onCancel` is given. */
export function OrdersTable({
  orders,
  onCancel,
  canceling,
  label,
}: {
  orders: Order[];
  onCancel?: (order: Order) => void;
  canceling?: string | null;
  label: string;
}) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Symbol</th>
            <th scope="col">Side</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">Size</th>
            <th scope="col" className="num">Filled</th>
            <th scope="col" className="num">Price</th>
            <th scope="col">TIF</th>
            <th scope="col">Status</th>
            {onCancel ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id} data-testid={`order-${o.id}`}>
              <td className="muted">{created(o.createdAt ?? o.updatedAt)}</td>
              <th scope="row">{o.symbol}</th>
              <td className={o.side === 'buy' ? 'gain' : 'loss'}>{o.side}</td>
              <td>{typeLabel(o)}</td>
              <td className="num">{size(o)}</td>
              <td className="num">
                {formatQuantity(o.filledQuantity)}
                {o.averageFillPrice !== null && o.averageFillPrice !== undefined ? ` @ ${formatMoney(o.averageFillPrice, 'USD')}` : ''}
              </td>
              <td className="num">{price(o)}</td>
              <td>{o.timeInForce}</td>
              <td>
                <span className={`status status--${o.status}`} title={o.reason ?? undefined}>
                  {statusLabel(o.status)}
                </span>
                {o.reason && o.status === 'rejected' ? <span className="status__reason">{o.reason}</span> : null}
              </td>
              {onCancel ? (
                <td>
                  {isOpenStatus(o.status) ? (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      disabled={canceling === o.id}
                      onClick={() => onCancel(o)}
                      aria-label={`Cancel ${o.side} ${o.symbol} order`}
                    >
                      {canceling === o.id ? 'Canceling…' : 'Cancel'}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Order } from './apiTypes';

const openStatuses = new Set(['pending_risk', 'accepted', 'partially_filled']);

export const isOpenStatus = (status: string) => openStatuses.has(status);

/** The hub's `orderUpdated` payload (the `OrderUpdated` integration event). */
export interface OrderUpdatedMessage extends Omit<Order, 'id'> {
  orderId: string;
}

export function fromMessage(message: OrderUpdatedMessage): Order {
  const { orderId, ...rest } = message;
  return { ...rest, id: orderId };
}

/**
 * Folds one order update into the open-orders list: an open order is added or replaced (newest first), an order
 * that is no longer open leaves the list. Updates older than the one held are ignored (the hub may reorder).
 */
export function applyOrderUpdate(orders: Order[], update: Order): Order[] {
  const index = orders.findIndex((o) => o.id === update.id);
  const held = index >= 0 ? orders[index] : undefined;
  if (held && Date.parse(held.updatedAt) > Date.parse(update.updatedAt)) return orders;
  const merged: Order = held ? { ...held, ...update } : update;
  const rest = orders.filter((o) => o.id !== update.id);
  if (!isOpenStatus(update.status)) return index >= 0 ? rest : orders;
  return index >= 0 ? orders.map((o) => (o.id === update.id ? merged : o)) : [merged, ...rest];
}

/** An order rejected (hub `orderRejected`) or canceled locally is no longer open. */
export function removeOrder(orders: Order[], id: string): Order[] {
  return orders.some((o) => o.id === id) ? orders.filter((o) => o.id !== id) : orders;
}

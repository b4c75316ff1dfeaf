import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { cancelOrder, listOrders, tradingKeys } from './api';
import type { Order } from './apiTypes';
import { subscribeHub } from './hubBus';
import { applyOrderUpdate, fromMessage, removeOrder, type OrderUpdatedMessage } from './ordersReducer';
import { ordersQuery } from './query';

/**
 * The caller's open orders: read once, then kept current from the hub (`orderUpdated` adds, changes and closes them,
 * `orderRejected` drops them). Cancel answers with the canceled order, which leaves the list at once.
 */
export function useOpenOrders() {
  const { api } = useAuth();
  const query = useQuery({
    queryKey: tradingKeys.openOrders,
    queryFn: ({ signal }) => listOrders(api, ordersQuery('open', 1, 100), signal),
  });
  const [orders, setOrders] = useState<Order[] | undefined>(undefined);

  useEffect(() => {
    if (query.data) setOrders(query.data.items);
  }, [query.data]);

  useEffect(
    () =>
      subscribeHub((name, payload) => {
        if (name === 'orderUpdated' && payload && typeof payload === 'object')
          setOrders((list) => (list ? applyOrderUpdate(list, fromMessage(payload as OrderUpdatedMessage)) : list));
        else if (name === 'orderRejected' && payload && typeof payload === 'object')
          setOrders((list) => (list ? removeOrder(list, (payload as { orderId: string }).orderId) : list));
      }),
    [],
  );

  const cancel = useMutation({
    mutationFn: (order: Order) => cancelOrder(api, order.id),
    onSuccess: (canceled) => setOrders((list) => (list ? applyOrderUpdate(list, canceled) : list)),
  });

  return { orders, query, cancel };
}

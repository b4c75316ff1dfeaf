import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { cancelOrder, listOrders, tradingKeys } from './api';
import type { Order } from './apiTypes';
import { subscribeHub } from './hubBus';
import { applyOrderUpdate, fromMessage, isOpenStatus, removeOrder, type OrderUpdatedMessage } from './ordersReducer';
import { ordersQuery } from './query';

/**
 * The caller's open orders: read on mount, then kept current from the hub (`orderUpdated` adds, changes and closes them,
 * `orderRejected` drops them). Cancel answers with the canceled order, which leaves the list at once.
 */
export function useOpenOrders() {
  const { api } = useAuth();
  const query = useQuery({
    queryKey: tradingKeys.openOrders,
    queryFn: ({ signal }) => listOrders(api, ordersQuery('open', 1, 100), signal),
    // Read afresh whenever the panel mounts: orders placed or filled on another page (the ticket) changed the list
    // while nothing here listened to the hub.
    staleTime: 0,
    refetchOnMount: 'always',
  });
  const [orders, setOrders] = useState<Order[] | undefined>(undefined);
  const held = useRef<Order[] | undefined>(undefined);
  held.current = orders;
  const { refetch } = query;

  useEffect(() => {
    if (query.data) setOrders(query.data.items);
  }, [query.data]);

  useEffect(
    () =>
      subscribeHub((name, payload) => {
        if (name === 'orderUpdated' && payload && typeof payload === 'object') {
          const update = fromMessage(payload as OrderUpdatedMessage);
          setOrders((list) => (list ? applyOrderUpdate(list, update) : list));
          // The event lacks an order's bracket details (leg, parent); read a new open order in full.
          if (held.current && !held.current.some((o) => o.id === update.id) && isOpenStatus(update.status)) void refetch();
        } else if (name === 'orderRejected' && payload && typeof payload === 'object')
          setOrders((list) => (list ? removeOrder(list, (payload as { orderId: string }).orderId) : list));
      }),
    [refetch],
  );

  const cancel = useMutation({
    mutationFn: (order: Order) => cancelOrder(api, order.id),
    onSuccess: (canceled) => setOrders((list) => (list ? applyOrderUpdate(list, canceled) : list)),
  });

  return { orders, query, cancel };
}

import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { addActivity, recentActivity, toActivity, withRecent, type ActivityItem } from './activity';
import { listOrders, listTrades, tradingKeys } from './api';
import { subscribeHub } from './hubBus';

const RECENT = 5;

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString();
}

/** Fills, rejections (with Risk's reasons) and halts as they arrive on the hub, after the latest fills and rejections
 * from before the page opened. */
export function ActivityFeed() {
  const { api } = useAuth();
  const [live, setLive] = useState<ActivityItem[]>([]);
  useEffect(() => subscribeHub((name, payload) => setLive((list) => addActivity(list, toActivity(name, payload)))), []);
  const tradesQuery = `?pageSize=${RECENT}`;
  const rejectedQuery = `?status=rejected&pageSize=${RECENT}`;
  const trades = useQuery({
    queryKey: tradingKeys.trades(tradesQuery),
    queryFn: ({ signal }) => listTrades(api, tradesQuery, signal),
    // Read afresh on every visit: a fill on the ticket a moment ago happened while nothing here listened.
    refetchOnMount: 'always',
  });
  const rejected = useQuery({
    queryKey: tradingKeys.orders(rejectedQuery),
    queryFn: ({ signal }) => listOrders(api, rejectedQuery, signal),
    refetchOnMount: 'always',
  });
  const items = useMemo(
    () => withRecent(live, recentActivity(trades.data?.items ?? [], rejected.data?.items ?? [])),
    [live, trades.data, rejected.data],
  );

  return (
    <section className="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      {items.length === 0 ? (
        <p className="muted">Fills, rejections and halts appear here as they happen.</p>
      ) : (
        <ul className="activity" aria-live="polite" data-testid="activity">
          {items.map((item) => (
            <li key={item.id} className={`activity__item activity__item--${item.kind}`}>
              <span className="activity__time">{time(item.at)}</span>
              <span>
                {item.text}
                {item.detail ? <span className="muted"> · {item.detail}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

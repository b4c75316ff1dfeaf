import { useEffect, useState } from 'react';
import { addActivity, toActivity, type ActivityItem } from './activity';
import { subscribeHub } from './hubBus';

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString();
}

/** Fills, rejections (with Risk's reasons) and halts as they arrive on the hub while the page is open. */
export function ActivityFeed() {
  const [items, setItems] = useState<ActivityItem[]>([]);
  useEffect(() => subscribeHub((name, payload) => setItems((list) => addActivity(list, toActivity(name, payload)))), []);

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

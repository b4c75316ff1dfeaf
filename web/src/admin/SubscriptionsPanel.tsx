import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { statusLabels } from '../billing/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { checkUserId } from './api';
import { billingAdminKeys, listSubscriptions, type AdminSubscription } from './billingApi';
import { day, when } from './format';
import { OffsetPager } from './OffsetPager';
import { SubscriptionActions } from './SubscriptionActions';

const PAGE = 25;

/** Billing's subscriptions, newest first, by status and page; pick one (or type a user id) to change it. */
export function SubscriptionsPanel() {
  const { api } = useAuth();
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [userId, setUserId] = useState('');
  // One more than a page: the API gives no total, so the extra row says whether there is a next page.
  const page = { status, offset, limit: PAGE + 1 };
  const list = useQuery({
    queryKey: billingAdminKeys.subscriptions(page),
    queryFn: () => listSubscriptions(api, page),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.slice(0, PAGE) ?? [];
  const hasNext = (list.data?.length ?? 0) > PAGE;
  const chosenId = checkUserId(userId).id;
  const chosen = rows.find((s) => s.userId === chosenId);

  return (
    <section className="panel" aria-labelledby="subscriptions-title">
      <h2 id="subscriptions-title">Subscriptions</h2>
      <p className="muted">Billing's subscriptions, newest first. Every change needs a reason and goes into Billing's audit log.</p>
      <div className="filters">
        <label className="field">
          Status
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">Any status</option>
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && rows.length === 0 ? (
        <p className="muted">{status ? `No subscription is ${statusLabels[status]?.toLowerCase() ?? status} here.` : 'No subscriptions yet.'}</p>
      ) : null}
      {rows.length > 0 ? <SubscriptionsTable rows={rows} chosenId={chosenId} onChoose={setUserId} /> : null}
      <OffsetPager
        label="Subscription pages"
        rangeTestId="subscriptions-range"
        offset={offset}
        shown={rows.length}
        pageSize={PAGE}
        hasNext={hasNext}
        busy={list.isFetching}
        onOffset={setOffset}
      />
      <SubscriptionActions userId={userId} onUserId={setUserId} subscription={chosen} />
    </section>
  );
}

function SubscriptionsTable({ rows, chosenId, onChoose }: { rows: AdminSubscription[]; chosenId: string | undefined; onChoose: (id: string) => void }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Subscriptions">
        <thead>
          <tr>
            <th scope="col">Trader</th>
            <th scope="col">Plan</th>
            <th scope="col">Status</th>
            <th scope="col">Provider</th>
            <th scope="col">Dates</th>
            <th scope="col">
              <span className="visually-hidden">Choose</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.userId} className={s.userId === chosenId ? 'admin__chosen' : undefined}>
              <th scope="row">
                <span className="admin__clip" title={s.email}>
                  {s.email}
                </span>
                <div className="muted admin__user-id">{s.userId}</div>
              </th>
              <td>{s.plan}</td>
              <td>
                {statusLabels[s.status] ?? s.status}
                {s.cancelAtPeriodEnd ? ', ends at period end' : ''}
                <div className="muted" title={when(s.statusChangedAt)}>since {day(s.statusChangedAt)}</div>
              </td>
              <td>{s.provider ? `${s.provider}${s.providerStatus ? ` (${s.providerStatus})` : ''}` : '—'}</td>
              <td>
                <SubscriptionDates subscription={s} />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-pressed={s.userId === chosenId}
                  aria-label={`Choose ${s.email}`}
                  onClick={() => onChoose(s.userId)}
                >
                  Choose
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const dateLines: [keyof AdminSubscription, string][] = [
  ['accessEndsAt', 'Access ends'],
  ['trialEndsAt', 'Trial ends'],
  ['currentPeriodEnd', 'Period ends'],
  ['grantedUntil', 'Granted until'],
];

/** The dates a subscription has, one a line (the day; the moment in the title), so the table fits a laptop screen. */
function SubscriptionDates({ subscription }: { subscription: AdminSubscription }) {
  const lines = dateLines.filter(([key]) => subscription[key]);
  if (lines.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="admin__dates">
      {lines.map(([key, label]) => {
        const iso = subscription[key] as string;
        return (
          <div key={key} title={when(iso)}>
            <dt>{label}</dt> <dd>{day(iso)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

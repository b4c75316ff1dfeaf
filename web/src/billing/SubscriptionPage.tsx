import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { BillingHistorySection } from './BillingHistorySection';
import { daysLabel, formatAmount, formatDate, statusLabels } from './format';
import type { Subscription } from './types';
import { useSubscription, useSubscriptionActions } from './useSubscription';
import './billing.css';

function goTo(url: string) {
  window.location.assign(url);
}

/** Status, trial days left, renewal date, subscribe / manage / cancel / resume, and the billing history. */
export function SubscriptionPage({ navigateTo = goTo }: { navigateTo?: (url: string) => void }) {
  const [params] = useSearchParams();
  const checkout = params.get('checkout');
  const query = useSubscription({ refetchIntervalMs: checkout === 'success' ? 2000 : false });
  const actions = useSubscriptionActions(navigateTo);
  const [localManageNote, setLocalManageNote] = useState(false);
  const subscription = query.data;

  if (!subscription) {
    return (
      <section className="panel panel--status" role="status" aria-live="polite">
        <h1>Subscription</h1>
        {query.error ? <ErrorAlert error={query.error} /> : <span className="spinner" aria-hidden="true" />}
      </section>
    );
  }

  const busy = Object.values(actions).some((action) => action.isPending);
  const failure = Object.values(actions).find((action) => action.error)?.error;

  return (
    <div className="billing">
      <header className="page-header">
        <div>
          <h1>Subscription</h1>
          <p className="muted">
            TradeNova {subscription.plan} · {formatAmount(subscription.price, subscription.currency)} per month
          </p>
        </div>
        <span className={`badge billing-status billing-status--${subscription.status}`} data-testid="subscription-status">
          {statusLabels[subscription.status] ?? subscription.status}
        </span>
      </header>

      {checkout === 'success' && subscription.status !== 'active' ? (
        <p className="alert alert--info" role="status">Payment received. Activating your subscription…</p>
      ) : null}
      {checkout === 'canceled' ? (
        <p className="alert alert--info" role="status">Checkout was canceled; you have not been charged.</p>
      ) : null}

      <section className="panel billing-plan" aria-labelledby="plan-title">
        <h2 id="plan-title">Your plan</h2>
        <StatusDetails subscription={subscription} />
        {subscription.provider === 'local' ? (
          <p className="muted billing-note">
            This installation uses the built-in billing provider: payments are simulated and no card is charged.
          </p>
        ) : null}
        {failure ? <ErrorAlert error={failure} /> : null}
        {localManageNote ? (
          <p className="muted billing-note" role="status">
            Your subscription is managed on this page: cancel or resume it here. There are no card details to change.
          </p>
        ) : null}
        <div className="billing-actions">
          {subscription.canSubscribe ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => actions.subscribe.mutate()}>
              {actions.subscribe.isPending ? 'Subscribing…' : `Subscribe for ${formatAmount(subscription.price, subscription.currency)}/month`}
            </button>
          ) : null}
          {subscription.canResume ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => actions.resume.mutate()}>
              Resume subscription
            </button>
          ) : null}
          {subscription.canManage ? (
            <button
              type="button"
              className="button button--ghost"
              disabled={busy}
              onClick={() =>
                actions.manage.mutate(undefined, { onSuccess: (result) => setLocalManageNote(result.url === null) })
              }
            >
              Manage billing
            </button>
          ) : null}
          {subscription.canCancel ? (
            <button type="button" className="button button--ghost button--danger" disabled={busy} onClick={() => actions.cancel.mutate()}>
              Cancel subscription
            </button>
          ) : null}
        </div>
      </section>

      <BillingHistorySection />
    </div>
  );
}

function StatusDetails({ subscription }: { subscription: Subscription }) {
  const rows: [string, string][] = [];
  switch (subscription.status) {
    case 'trialing':
      rows.push(['Trial days left', subscription.trialDaysLeft === null ? '—' : daysLabel(subscription.trialDaysLeft)]);
      rows.push(['Trial ends', formatDate(subscription.trialEndsAt ?? subscription.accessEndsAt)]);
      break;
    case 'active':
      rows.push([subscription.renewsAt ? 'Renews on' : 'Access until', formatDate(subscription.renewsAt ?? subscription.accessEndsAt)]);
      break;
    case 'past_due':
      rows.push(['Last payment', 'Failed']);
      rows.push(['Access until', formatDate(subscription.graceEndsAt)]);
      break;
    case 'canceled':
      rows.push(['Access until', formatDate(subscription.accessEndsAt)]);
      break;
    default:
      rows.push(['Access', 'Orders and backtests need a subscription; your data stays readable.']);
  }

  return (
    <dl className="billing-details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-testid={`billing-${label.toLowerCase().replace(/\s+/g, '-')}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

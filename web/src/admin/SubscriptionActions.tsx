import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { daysLabel, statusLabels } from '../billing/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { checkUserId } from './api';
import { actOnSubscription, billingAdminKeys, type AdminSubscription, type SubscriptionAction } from './billingApi';
import { when } from './format';

const MAX_DAYS = 3660;
const PLACED_FIELDS = ['reason', 'days'];

const done: Record<SubscriptionAction, string> = {
  grant: 'Access granted',
  extend: 'Extended',
  cancel: 'Canceled',
  'simulate/trial-expiry': 'Trial ended (simulated)',
  'simulate/payment-failure': 'Renewal payment failed (simulated)',
  'simulate/renewal': 'Renewed (simulated)',
};

/** Grant, extend or cancel one subscription with a reason; and the local provider's simulations, which make its clock
 * act now so that trial-end and dunning flows can be tried. Billing audits each one. */
export function SubscriptionActions({
  userId,
  onUserId,
  subscription,
}: {
  userId: string;
  onUserId: (text: string) => void;
  subscription: AdminSubscription | undefined;
}) {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const confirmId = useId();
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('30');
  const [pastGrace, setPastGrace] = useState(false);
  const [idError, setIdError] = useState<string | undefined>();
  const [daysError, setDaysError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState('');
  const act = useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: SubscriptionAction; body: { reason: string; days?: number } }) =>
      actOnSubscription(api, id, action, body, pastGrace),
    onMutate: () => setOutcome(''),
    onSuccess: (s, { action }) => {
      setReason('');
      setOutcome(
        `${done[action]} for ${s.email}. Status: ${statusLabels[s.status] ?? s.status}` +
          `${s.accessEndsAt ? `, access until ${when(s.accessEndsAt)}` : ''}${s.grantedUntil ? `, granted until ${when(s.grantedUntil)}` : ''}.`,
      );
    },
    onSettled: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: billingAdminKeys.all });
    },
  });
  const fieldErrors = act.error instanceof ApiError ? act.error.fieldErrors : {};
  const allPlaced = Object.keys(fieldErrors).length > 0 && Object.keys(fieldErrors).every((f) => PLACED_FIELDS.includes(f));
  const busy = act.isPending;
  const ready = reason.trim() !== '' && !busy;

  function run(action: SubscriptionAction) {
    const checked = checkUserId(userId);
    setIdError(checked.error);
    setDaysError(undefined);
    if (!checked.id || !reason.trim()) return;
    const body: { reason: string; days?: number } = { reason: reason.trim() };
    if (action === 'grant' || action === 'extend') {
      // Whole days only: the range is Billing's to check, a fraction would not bind at all.
      const n = Number(days);
      if (days.trim() === '' || !Number.isInteger(n)) {
        setDaysError(`Whole days, 1 to ${MAX_DAYS}.`);
        return;
      }
      body.days = n;
    }
    act.mutate({ id: checked.id, action, body });
  }

  function askToCancel() {
    const checked = checkUserId(userId);
    setIdError(checked.error);
    if (checked.id && reason.trim()) setConfirming(true);
  }

  const dayCount = Number(days);
  const daysText = Number.isInteger(dayCount) && dayCount > 0 ? daysLabel(dayCount) : 'N days';
  const who = subscription?.email ?? (checkUserId(userId).id ? 'this trader' : 'the trader');
  return (
    <div className="admin__actions" role="group" aria-labelledby={`${confirmId}-title`}>
      <h3 id={`${confirmId}-title`}>Change a subscription</h3>
      {subscription ? (
        <p className="muted" data-testid="chosen-subscription">
          {subscription.email}: {statusLabels[subscription.status] ?? subscription.status}, access until {when(subscription.accessEndsAt)}.
        </p>
      ) : null}
      <div className="filters">
        <TextField
          label="Subscriber's user id"
          className="admin__id"
          value={userId}
          placeholder="01a24600-…"
          hint="Choose a row above or paste an id."
          onChange={(e) => {
            onUserId(e.target.value);
            setConfirming(false);
          }}
          error={idError}
        />
        <TextField
          label="Reason (kept in Billing's audit log)"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          error={fieldErrors.reason?.join(' ')}
        />
        <TextField
          label="Days"
          inputMode="numeric"
          value={days}
          hint="For grant and extend."
          onChange={(e) => setDays(e.target.value)}
          error={daysError ?? fieldErrors.days?.join(' ')}
        />
      </div>
      <div className="filters">
        <div className="filters__actions">
          <button type="button" className="button button--primary" disabled={!ready} onClick={() => run('grant')}>
            Grant {daysText} from now
          </button>
          <button type="button" className="button button--ghost" disabled={!ready} onClick={() => run('extend')}>
            Extend by {daysText}
          </button>
          <button type="button" className="button button--ghost button--warn-text" disabled={!ready || confirming} onClick={askToCancel}>
            Cancel now…
          </button>
        </div>
      </div>
      {confirming ? (
        <div className="alert alert--warning" role="alertdialog" aria-labelledby={`${confirmId}-confirm`}>
          <p className="alert__message" id={`${confirmId}-confirm`}>
            Cancel {who}'s subscription now? The provider stops it at once, any granted time is removed and the trader loses
            access now.
          </p>
          <div className="filters__actions">
            <button type="button" className="button button--warn" disabled={busy} onClick={() => run('cancel')}>
              Yes, cancel now
            </button>
            <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      <fieldset className="admin__simulate">
        <legend>Simulate (local billing provider only)</legend>
        <p className="muted">
          Makes the local provider's clock act now, to try trial-end and dunning flows. Billing refuses these with Stripe
          (use Stripe's test clocks there).
        </p>
        <div className="filters">
          <div className="filters__actions">
            <button type="button" className="button button--ghost" disabled={!ready} onClick={() => run('simulate/trial-expiry')}>
              Trial expiry
            </button>
            <button type="button" className="button button--ghost" disabled={!ready} onClick={() => run('simulate/payment-failure')}>
              Failed renewal payment
            </button>
            <label className="check">
              <input type="checkbox" checked={pastGrace} onChange={(e) => setPastGrace(e.target.checked)} />
              one grace period ago
            </label>
            <button type="button" className="button button--ghost" disabled={!ready} onClick={() => run('simulate/renewal')}>
              Renewal
            </button>
          </div>
        </div>
      </fieldset>
      {act.error && !allPlaced ? <ErrorAlert error={act.error} shownFields={PLACED_FIELDS} /> : null}
      <p className="alert__message" role="status">
        {outcome}
      </p>
    </div>
  );
}

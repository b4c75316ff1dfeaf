import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, fieldMessages } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { actOnUser, identityAdminKeys, issueResetLink, MAX_REASON, type AdminUser, type ResetLink, type UserAction } from './identityApi';

const PLACED_FIELDS = ['reason'];

const texts: Record<UserAction, { ask: (email: string) => string; effect: string; yes: string; no: string }> = {
  suspend: {
    ask: (email) => `Suspend ${email}?`,
    effect:
      'Every session ends now, sign-in is refused until reinstated, and Risk halts their trading at once (access tokens ' +
      'already issued last up to 15 minutes).',
    yes: 'Yes, suspend',
    no: 'Keep active',
  },
  reinstate: {
    ask: (email) => `Reinstate ${email}?`,
    effect: 'They can sign in again. A halt in Risk stays until it is resumed there.',
    yes: 'Yes, reinstate',
    no: 'Keep suspended',
  },
  'sessions/end': {
    ask: (email) => `Sign ${email} out everywhere?`,
    effect: 'Every session on every device ends now; they can sign in again. Access tokens already issued last up to 15 minutes.',
    yes: 'Yes, sign out everywhere',
    no: 'Cancel',
  },
  'password-reset': {
    ask: (email) => `Issue a reset link for ${email}?`,
    effect:
      'The user gets a one-time link to set a new password, valid 24 hours; their sessions end when they use it. ' +
      'An earlier unused link stops working.',
    yes: 'Yes, issue a link',
    no: 'Cancel',
  },
};

const done: Record<UserAction, (email: string) => string> = {
  'password-reset': (email) => `A reset link for ${email} is ready below.`,
  suspend: (email) => `${email} is suspended: every session has ended, and Risk halts their trading.`,
  reinstate: (email) => `${email} is reinstated and can sign in again.`,
  'sessions/end': (email) => `${email} is signed out on every device.`,
};

/** Identity's refusals say what happened in the title and what to do in the detail; ErrorAlert shows the detail alone,
 * which read by itself ("Another administrator can…") misses the point. */
function withTitle(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.title || !error.detail) return error;
  const { status, type, title, detail, fieldErrors, extensions } = error;
  return new ApiError({ status, type, title, detail, fieldErrors, extensions, message: `${title} ${detail}` });
}

/** The confirmation of one action on one user, with the reason Identity audits; it stays open on a failure so the
 * reason can be corrected, and hands the outcome back on success. */
export function UserActions({
  user,
  action,
  onStart,
  onDone,
  onCancel,
}: {
  user: AdminUser;
  action: UserAction;
  onStart: () => void;
  /** The outcome to say, and for a reset the link, which Identity shows only this once. */
  onDone: (outcome: string, link?: ResetLink) => void;
  onCancel: () => void;
}) {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const id = useId();
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: async (): Promise<{ email: string; link?: ResetLink }> => {
      if (action === 'password-reset') return { email: user.email, link: await issueResetLink(api, user.id, reason.trim()) };
      const result = await actOnUser(api, user.id, action, reason.trim());
      return { email: result?.email ?? user.email };
    },
    onMutate: onStart,
    onSuccess: ({ email, link }) => onDone(done[action](email), link),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: identityAdminKeys.all }),
  });
  const fields = fieldMessages(act.error);
  const allPlaced = Object.keys(fields).length > 0 && Object.keys(fields).every((f) => PLACED_FIELDS.includes(f));
  const text = texts[action];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() && !act.isPending) act.mutate();
  }

  return (
    <form className="alert alert--warning admin__confirm" role="alertdialog" aria-labelledby={`${id}-ask`} onSubmit={submit} noValidate>
      <p className="alert__message" id={`${id}-ask`}>
        <strong>{text.ask(user.email)}</strong> {text.effect}
      </p>
      <div className="filters">
        <TextField
          label="Reason (kept in Identity's audit log)"
          value={reason}
          maxLength={MAX_REASON}
          autoFocus
          onChange={(e) => setReason(e.target.value)}
          error={fields.reason}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--warn" disabled={!reason.trim() || act.isPending}>
            {text.yes}
          </button>
          <button type="button" className="button button--ghost" disabled={act.isPending} onClick={onCancel}>
            {text.no}
          </button>
        </div>
      </div>
      {act.error && !allPlaced ? <ErrorAlert error={withTitle(act.error)} shownFields={PLACED_FIELDS} /> : null}
    </form>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError, fieldMessages } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { validateNewPassword, type NewPasswordErrors } from '../account/passwordChange';
import { NewPasswordFields } from '../account/NewPasswordFields';
import { tokenFromHash } from '../account/passwordReset';
import { hasErrors } from '../register/validation';
import { AuthCard } from './AuthCard';

type Input = { newPassword: string; confirmPassword: string };
const EMPTY: Input = { newPassword: '', confirmPassword: '' };
/** The fields of Identity's ValidationProblem that this page places: a dead token at the top, the password under it. */
const PLACED = ['token', 'newPassword'];
// The link does not say whose account it is; the email rule is Identity's to apply.
const NO_EMAIL = '';

/**
 * Where a reset link an operator issued lands. Signed in or not, the page works on the link's token alone (from the
 * fragment, which never reached a server); no redirect, since the link may be for another account than this browser's.
 */
export function ResetPasswordPage() {
  const token = tokenFromHash(useLocation().hash);
  // Read once, the token leaves the address bar and this history entry: it is not left for the next person at the
  // screen, or in the browser's history. The router keeps its location, so the form still has it.
  useEffect(() => {
    if (!token || !window.location.hash) return;
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, [token]);
  return (
    <AuthCard title="Set a new password" subtitle="Choose the password you will sign in to TradeNova with.">
      {token ? (
        // A different link pasted into the same tab starts afresh.
        <ResetPasswordForm key={token} token={token} />
      ) : (
        <div className="alert alert--error" role="alert">
          <p className="alert__message">This reset link is incomplete: part of it is missing. Ask support for a new one.</p>
        </div>
      )}
      <p className="auth__switch">
        Remember your password? <Link to="/login">Sign in</Link>
      </p>
    </AuthCard>
  );
}

function ResetPasswordForm({ token }: { token: string }) {
  const { api } = useAuth();
  const [input, setInput] = useState<Input>(EMPTY);
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [deadLink, setDeadLink] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);

  const update = (field: keyof Input) => (value: string) => {
    const next = { ...input, [field]: value };
    setInput(next);
    // A message goes as soon as its field is fixed, not on the next submit.
    if (errors[field]) {
      setErrors((current) => {
        const kept = { ...current };
        const still = validateNewPassword(next, NO_EMAIL)[field];
        if (still) kept[field] = still;
        else delete kept[field];
        return kept;
      });
    }
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validateNewPassword(input, NO_EMAIL);
    setErrors(found);
    setFailure(null);
    if (hasErrors(found)) return;

    setSubmitting(true);
    try {
      await api.resetPassword({ token, newPassword: input.newPassword });
      setDone(true);
    } catch (error) {
      const messages = fieldMessages(error);
      // Used, replaced or expired: another try with this link cannot succeed.
      if (messages.token) setDeadLink(messages.token);
      else {
        if (messages.newPassword) setErrors({ newPassword: messages.newPassword });
        const fields = error instanceof ApiError ? Object.keys(error.fieldErrors) : [];
        if (fields.length === 0 || fields.some((field) => !PLACED.includes(field))) setFailure(error);
      }
    } finally {
      setSubmitting(false);
    }
  }

  if (done) {
    return (
      <p className="alert alert--info" role="status">
        Your password is set. Every session of your account has ended. <Link to="/login">Sign in</Link> with the new
        password.
      </p>
    );
  }
  if (deadLink) {
    return (
      <div className="alert alert--error" role="alert">
        <p className="alert__message">{deadLink}</p>
      </div>
    );
  }
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={failure} shownFields={PLACED} />
      <NewPasswordFields
        newPassword={input.newPassword}
        confirmPassword={input.confirmPassword}
        email={NO_EMAIL}
        errors={errors}
        onNewPassword={update('newPassword')}
        onConfirmPassword={update('confirmPassword')}
      />
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitting ? 'Setting password…' : 'Set password'}
      </button>
    </form>
  );
}

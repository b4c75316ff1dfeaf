import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, fieldMessages } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { NewPasswordFields } from './NewPasswordFields';
import { sessionsKey } from './sessions';
import { hasErrors } from '../register/validation';
import {
  SERVER_FIELDS,
  validatePasswordChange,
  type PasswordChangeErrors,
  type PasswordChangeInput,
} from './passwordChange';

const EMPTY: PasswordChangeInput = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Every field error the server sent has an input to stand under, so the alert would only repeat "validation failed". */
function allPlaced(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = Object.keys(error.fieldErrors);
  return fields.length > 0 && fields.every((field) => (SERVER_FIELDS as string[]).includes(field));
}

/** Current, new and confirmed password; Identity signs out the user's other sessions and this one carries on. */
export function ChangePasswordForm() {
  const { api, email } = useAuth();
  const queryClient = useQueryClient();
  const account = email ?? '';
  const [input, setInput] = useState<PasswordChangeInput>(EMPTY);
  const [errors, setErrors] = useState<PasswordChangeErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [changed, setChanged] = useState(false);

  const update = (field: keyof PasswordChangeInput) => (value: string) => {
    const next = { ...input, [field]: value };
    setInput(next);
    setChanged(false);
    // A message goes as soon as the user fixes its field, not on the next submit.
    if (errors[field]) {
      setErrors((current) => {
        const kept = { ...current };
        const still = validatePasswordChange(next, account)[field];
        if (still) kept[field] = still;
        else delete kept[field];
        return kept;
      });
    }
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validatePasswordChange(input, account);
    setErrors(found);
    setFailure(null);
    setChanged(false);
    if (hasErrors(found)) return;

    setSubmitting(true);
    try {
      await api.changePassword({ currentPassword: input.currentPassword, newPassword: input.newPassword });
      setInput(EMPTY);
      setChanged(true);
      // The other sessions have just ended.
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
    } catch (error) {
      const messages = fieldMessages(error);
      const placed: PasswordChangeErrors = {};
      for (const field of SERVER_FIELDS) if (messages[field]) placed[field] = messages[field];
      setErrors(placed);
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="panel account__section" aria-labelledby="change-password-title">
      <h2 id="change-password-title">Change password</h2>
      <p className="muted">Changing your password signs you out on every other device; this browser stays signed in.</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        {failure && !allPlaced(failure) ? <ErrorAlert error={failure} shownFields={SERVER_FIELDS} /> : null}
        {changed ? (
          <p className="alert alert--info" role="status" data-testid="password-changed">
            Password changed. Other devices have been signed out.
          </p>
        ) : null}
        {/* Lets a password manager file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={account} readOnly hidden />
        <TextField
          label="Current password"
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          value={input.currentPassword}
          onChange={(e) => update('currentPassword')(e.target.value)}
          error={errors.currentPassword}
        />
        <NewPasswordFields
          newPassword={input.newPassword}
          confirmPassword={input.confirmPassword}
          email={account}
          errors={errors}
          onNewPassword={update('newPassword')}
          onConfirmPassword={update('confirmPassword')}
        />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'Changing password…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { ApiError } from '../api/problem';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import {
  hasErrors,
  PASSWORD_MIN_LENGTH,
  validateRegister,
  type RegisterErrors,
  type RegisterInput,
} from '../register/validation';
import { PasswordStrengthMeter } from '../register/PasswordStrengthMeter';
import { AuthCard } from './AuthCard';

const FIELDS: (keyof RegisterInput)[] = ['email', 'displayName', 'password'];

export function RegisterPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const [input, setInput] = useState<RegisterInput>({ email: '', displayName: '', password: '' });
  const [errors, setErrors] = useState<RegisterErrors>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  if (auth.status === 'authenticated' && !submitting) return <Navigate to="/portfolio" replace />;

  const update = (field: keyof RegisterInput) => (value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
    // Clear the message for a field as soon as the user fixes it, not on the next submit.
    if (errors[field]) {
      setErrors((current) => {
        const next = { ...current };
        const fieldError = validateRegister({ ...input, [field]: value })[field];
        if (fieldError) next[field] = fieldError;
        else delete next[field];
        return next;
      });
    }
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validateRegister(input);
    setErrors(found);
    setSubmitError(null);
    if (hasErrors(found)) return;

    setSubmitting(true);
    try {
      await auth.register(input.email.trim(), input.displayName.trim(), input.password);
      navigate('/portfolio', { replace: true });
    } catch (error) {
      if (error instanceof ApiError) {
        const serverErrors: RegisterErrors = {};
        for (const field of FIELDS) {
          const message = error.fieldErrors[field]?.[0];
          if (message) serverErrors[field] = message;
        }
        // The alert above already carries the server's explanation; the field only says what to do.
        if (error.status === 409 && !serverErrors.email)
          serverErrors.email = 'Use a different email, or sign in instead.';
        setErrors(serverErrors);
      }
      setSubmitError(error);
      setSubmitting(false);
    }
  }

  return (
    <AuthCard title="Create your account" subtitle="Every account starts with a paper portfolio to trade risk-free.">
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={submitError} shownFields={FIELDS} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          value={input.email}
          onChange={(e) => update('email')(e.target.value)}
          error={errors.email}
        />
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="nickname"
          value={input.displayName}
          onChange={(e) => update('displayName')(e.target.value)}
          error={errors.displayName}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          value={input.password}
          onChange={(e) => update('password')(e.target.value)}
          error={errors.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters; not a common password, pattern or your email.`}
        />
        <PasswordStrengthMeter password={input.password} email={input.email} showReason={!errors.password} />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p className="auth__switch">
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </AuthCard>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { AuthCard } from './AuthCard';

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    // Only same-app paths: never bounce to an address taken from outside.
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')) return from;
  }
  return '/portfolio';
}

/** Set by the account page after "Sign out everywhere", so the sign-in page can say why it is shown. */
export const SIGNED_OUT_EVERYWHERE = { signedOut: 'everywhere' } as const;

function signedOutEverywhere(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { signedOut?: unknown }).signedOut === 'everywhere';
}

export function LoginPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const target = returnPath(location.state);

  if (auth.status === 'authenticated' && !submitting) return <Navigate to={target} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSubmitting(true);
    try {
      await auth.login(email.trim(), password);
      navigate(target, { replace: true });
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  }

  return (
    <AuthCard title="Sign in" subtitle="Welcome back to TradeNova.">
      <form className="form" onSubmit={onSubmit}>
        {signedOutEverywhere(location.state) && !error ? (
          <div className="alert alert--info" role="status">
            <p className="alert__message">You have been signed out on every device. Sign in again to continue.</p>
          </div>
        ) : null}
        <ErrorAlert error={error} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth__switch">
        New to TradeNova? <Link to="/register">Create an account</Link>
      </p>
    </AuthCard>
  );
}

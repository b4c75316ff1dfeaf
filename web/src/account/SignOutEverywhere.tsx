import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { SIGNED_OUT_EVERYWHERE } from '../pages/LoginPage';

/** Ends every session of the user, this one included, after the user confirms; then the sign-in page. */
export function SignOutEverywhere() {
  const { api } = useAuth();
  const navigate = useNavigate();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function endAll() {
    setEnding(true);
    setFailure(null);
    try {
      await api.endAllSessions();
      navigate('/login', { replace: true, state: SIGNED_OUT_EVERYWHERE });
    } catch (error) {
      // The sessions were not ended, so this one goes on and the user can try again.
      setFailure(error);
      setEnding(false);
      setConfirming(false);
    }
  }

  return (
    <section className="panel account__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sign out everywhere</h2>
      <p className="muted">
        Ends your session on every device and browser where you are signed in, including this one. Use it if you signed in
        somewhere you no longer trust, or lost a device. You will need to sign in again.
      </p>
      {failure ? <ErrorAlert error={failure} /> : null}
      {confirming ? (
        <div className="alert alert--warning" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p className="alert__message" id={`${id}-confirm`}>
            Sign out on every device, including this one?
          </p>
          <div className="account__actions">
            <button type="button" className="button button--warn" disabled={ending} onClick={() => void endAll()}>
              {ending ? 'Signing out…' : 'Yes, sign out everywhere'}
            </button>
            <button type="button" className="button button--ghost" disabled={ending} onClick={() => setConfirming(false)}>
              Stay signed in
            </button>
          </div>
        </div>
      ) : (
        <div className="account__actions">
          <button type="button" className="button button--ghost button--warn-text" onClick={() => setConfirming(true)}>
            Sign out everywhere…
          </button>
        </div>
      )}
    </section>
  );
}

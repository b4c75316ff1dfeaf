import { useAuth } from '../auth/AuthContext';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SignOutEverywhere } from './SignOutEverywhere';
import '../broker/broker.css';
import './account.css';

/** Account & security: the password, and the sessions on other devices. */
export function AccountPage() {
  const { email } = useAuth();
  return (
    <div className="account">
      <header className="page-header">
        <div>
          <h1>Account &amp; security</h1>
          {email ? <p className="muted">Signed in as {email}</p> : null}
        </div>
      </header>
      <ChangePasswordForm />
      <SignOutEverywhere />
    </div>
  );
}

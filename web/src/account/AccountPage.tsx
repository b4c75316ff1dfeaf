import { useAuth } from '../auth/AuthContext';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SessionsList } from './SessionsList';
import { SignOutEverywhere } from './SignOutEverywhere';
import '../broker/broker.css';
import './account.css';

/** Account & security: the password, where the user is signed in, and signing out everywhere. */
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
      <SessionsList />
      <SignOutEverywhere />
    </div>
  );
}

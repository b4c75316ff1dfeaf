import { NavLink, Outlet, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import type { TokenStore } from '../auth/tokenStore';
import { BillingBanner } from '../billing/BillingBanner';
import { AccountBadge } from '../broker/AccountBadge';
import { useAccountHub } from '../realtime/useAccountHub';
import { Logo } from './Logo';

const hubLabels = { connecting: 'Connecting…', live: 'Real-time', offline: 'Not real-time' } as const;

/** The signed-in frame: top bar with the product, the user's email (the way to Account & security) and sign-out. */
export function AppLayout({ tokens }: { tokens: TokenStore }) {
  const auth = useAuth();
  const navigate = useNavigate();
  const hub = useAccountHub(tokens, auth.api, auth.status === 'authenticated');

  function logout() {
    auth.logout();
    navigate('/login', { replace: true });
  }

  return (
    <div className="shell">
      <header className="topbar">
        <div className="topbar__left">
          <Logo />
          <nav aria-label="Main">
            <NavLink to="/portfolio" className="topbar__link">
              Portfolio
            </NavLink>
            <NavLink to="/dashboard" className="topbar__link">
              Dashboard
            </NavLink>
            <NavLink to="/trade" className="topbar__link">
              Trade
            </NavLink>
            <NavLink to="/orders" className="topbar__link">
              Orders
            </NavLink>
            <NavLink to="/history" className="topbar__link">
              History
            </NavLink>
            <NavLink to="/risk" className="topbar__link">
              Risk
            </NavLink>
            <NavLink to="/backtests" className="topbar__link">
              Backtests
            </NavLink>
            <NavLink to="/strategies" className="topbar__link">
              Strategies
            </NavLink>
            <NavLink to="/broker" className="topbar__link">
              Broker
            </NavLink>
            <NavLink to="/billing" className="topbar__link">
              Billing
            </NavLink>
            {auth.role === 'admin' ? (
              <NavLink to="/admin" className="topbar__link">
                Admin
              </NavLink>
            ) : null}
          </nav>
        </div>
        <div className="topbar__right">
          <AccountBadge />
          <span
            className={`live live--${hub}`}
            title={hub === 'offline' ? 'Real-time updates unavailable; data refreshes on reload.' : undefined}
          >
            <span className="live__dot" aria-hidden="true" />
            {hubLabels[hub]}
          </span>
          <NavLink to="/account" className="topbar__email" data-testid="user-email" title={auth.email ?? undefined}>
            <span className="topbar__email-full">{auth.email ?? 'Signed in'}</span>
            <span className="topbar__email-short">Account</span>
          </NavLink>
          <button type="button" className="button button--ghost" onClick={logout}>
            Log out
          </button>
        </div>
      </header>
      <BillingBanner />
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}

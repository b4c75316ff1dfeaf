import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { formatUsd } from '../lib/money';
import {
  adminKeys,
  checkUserId,
  engageKillSwitch,
  getAudit,
  getKillSwitch,
  getUserLimits,
  haltUser,
  releaseKillSwitch,
  resumeUser,
  type RiskAuditEntry,
} from './api';
import { BillingAuditPanel } from './BillingAuditPanel';
import { when } from './format';
import { IdentityAuditPanel } from './IdentityAuditPanel';
import { MarketShocksPanel } from './MarketShocksPanel';
import { AuditLog } from './AuditLog';
import { SubscriptionsPanel } from './SubscriptionsPanel';
import { UsersPanel } from './UsersPanel';
import '../trading/trading.css';
import './admin.css';

/** Operators' controls: the platform kill switch, users' accounts (find, suspend, reinstate, sign out everywhere), one
 * user's halts and usage, price shocks on the simulated market, subscriptions (grant, extend, cancel, and the local
 * provider's simulations), and Risk's, Billing's and Identity's audit trails.
 * Shown to the admin role; the services refuse everyone else whatever this page offers. */
export function AdminPage() {
  const { role } = useAuth();
  // A user opened from the Users panel in One trader (a new request each time, even for the same id).
  const [trader, setTrader] = useState<{ id: string; at: number } | null>(null);
  if (role !== 'admin') {
    return (
      <section className="panel panel--status">
        <h1>Administrators only</h1>
        <p className="muted">This page holds the platform's risk and billing controls; your account does not have the admin role.</p>
      </section>
    );
  }

  return (
    <div className="portfolio">
      <header className="page-header">
        <div>
          <h1>Operations</h1>
          <p className="muted page-header__sub">Controls for the whole platform. Every action is recorded with your id and reason.</p>
        </div>
      </header>
      <KillSwitchPanel />
      <UsersPanel onOpenTrader={(id) => setTrader({ id, at: Date.now() })} />
      <UserPanel requested={trader} />
      <MarketShocksPanel />
      <SubscriptionsPanel />
      <AuditPanel />
      <BillingAuditPanel />
      <IdentityAuditPanel />
    </div>
  );
}

function useRefreshAfter() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['admin'] });
}

function KillSwitchPanel() {
  const { api } = useAuth();
  const refresh = useRefreshAfter();
  const [reason, setReason] = useState('');
  const state = useQuery({ queryKey: adminKeys.killSwitch, queryFn: () => getKillSwitch(api) });
  const engage = useMutation({ mutationFn: () => engageKillSwitch(api, reason.trim()), onSuccess: () => setReason(''), onSettled: refresh });
  const release = useMutation({ mutationFn: () => releaseKillSwitch(api), onSettled: refresh });
  const engaged = state.data?.engaged === true;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim()) engage.mutate();
  }

  return (
    <section className="panel" aria-labelledby="kill-switch-title">
      <h2 id="kill-switch-title">Kill switch</h2>
      {state.error ? <ErrorAlert error={state.error} /> : null}
      {state.data ? (
        <p className={`admin__state ${engaged ? 'alert alert--error alert__message' : 'muted'}`} data-testid="kill-switch-state">
          {engaged
            ? `Engaged since ${when(state.data.changedAt)}: ${state.data.reason ?? 'no reason given'}. Opening orders are refused for everyone.`
            : `Not engaged${state.data.changedAt ? ` (last released ${when(state.data.changedAt)})` : ''}. Opening orders pass the usual checks.`}
        </p>
      ) : null}
      {engaged ? (
        <button type="button" className="button" disabled={release.isPending} onClick={() => release.mutate()}>
          Release the kill switch
        </button>
      ) : (
        <form className="filters" onSubmit={submit} aria-label="Engage the kill switch" noValidate>
          <TextField label="Reason (shown to every trader)" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          <div className="filters__actions">
            <button type="submit" className="button button--warn" disabled={!reason.trim() || engage.isPending || !state.data}>
              Halt trading for everyone
            </button>
          </div>
        </form>
      )}
      {engage.error ? <ErrorAlert error={engage.error} /> : null}
      {release.error ? <ErrorAlert error={release.error} /> : null}
    </section>
  );
}

function UserPanel({ requested }: { requested: { id: string; at: number } | null }) {
  const { api } = useAuth();
  const refresh = useRefreshAfter();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [userId, setUserId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!requested) return;
    setText(requested.id);
    setError(undefined);
    setUserId(requested.id);
    section.current?.scrollIntoView?.({ block: 'start' });
  }, [requested]);
  const user = useQuery({
    queryKey: adminKeys.user(userId ?? ''),
    queryFn: () => getUserLimits(api, userId!),
    enabled: userId !== null,
    retry: false,
  });
  const halt = useMutation({ mutationFn: () => haltUser(api, userId!, reason.trim()), onSuccess: () => setReason(''), onSettled: refresh });
  const resume = useMutation({ mutationFn: () => resumeUser(api, userId!, reason.trim()), onSuccess: () => setReason(''), onSettled: refresh });

  function lookUp(event: FormEvent) {
    event.preventDefault();
    const checked = checkUserId(text);
    setError(checked.error);
    setUserId(checked.id ?? null);
  }

  const data = user.data;
  return (
    <section className="panel admin__trader" aria-labelledby="user-title" ref={section}>
      <h2 id="user-title">One trader</h2>
      <form className="filters" onSubmit={lookUp} aria-label="Find a trader" noValidate>
        <label className="field">
          User id
          <input className="admin__id" value={text} placeholder="01a24600-…" onChange={(e) => setText(e.target.value)} aria-invalid={error ? true : undefined} />
          {error ? (
            <span className="field__error" role="alert">
              {error}
            </span>
          ) : null}
        </label>
        <div className="filters__actions">
          <button type="submit" className="button">
            Look up
          </button>
        </div>
      </form>
      {user.error ? <ErrorAlert error={user.error} /> : null}
      {data ? (
        <div data-testid="admin-user">
          <p className="alert__message">
            Equity {formatUsd(data.usage.equity)} · cash {formatUsd(data.usage.cash)} · {data.usage.openPositions.used} open
            positions · limits version {data.version}
          </p>
          {data.halt.halts.length === 0 ? (
            <p className="muted" data-testid="admin-user-halts">Trading normally.</p>
          ) : (
            <ul className="alert__list" data-testid="admin-user-halts">
              {data.halt.halts.map((h) => (
                <li key={`${h.code}-${h.since ?? ''}`}>
                  {h.reason} <code>{h.code}</code> since {when(h.since)}
                  {h.until ? `, until ${when(h.until)}` : ''}
                </li>
              ))}
            </ul>
          )}
          <div className="filters">
            <TextField label="Reason (kept in the audit log)" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
            <div className="filters__actions">
              <button type="button" className="button button--warn" disabled={!reason.trim() || halt.isPending} onClick={() => halt.mutate()}>
                Halt this trader
              </button>
              <button type="button" className="button" disabled={!reason.trim() || resume.isPending} onClick={() => resume.mutate()}>
                Resume
              </button>
            </div>
          </div>
          {halt.error ? <ErrorAlert error={halt.error} /> : null}
          {resume.error ? <ErrorAlert error={resume.error} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function AuditPanel() {
  const { api } = useAuth();
  return (
    <AuditLog<RiskAuditEntry>
      title="Risk audit log"
      titleId="audit-title"
      load={(userId) => getAudit(api, userId)}
      queryKey={adminKeys.audit}
      empty={{ everyone: 'Nothing audited yet.', trader: 'Nothing audited for this trader.' }}
      columns={['When', 'Action', 'By', 'Trader', 'Reason']}
      row={(entry) => (
        <tr key={entry.id}>
          <td className="muted">{when(entry.at)}</td>
          <td>
            <code>{entry.action}</code>
          </td>
          <td>{entry.actorRole}</td>
          <td className="muted">{entry.subjectUserId ?? 'everyone'}</td>
          <td>{entry.reason ?? '—'}</td>
        </tr>
      )}
    />
  );
}

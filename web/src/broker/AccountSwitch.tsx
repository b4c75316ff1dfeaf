import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { AccountModeBadge } from './AccountBadge';
import { brokerKeys, getBrokerConnection, isBrokerNotConnected, setTradingMode } from './api';
import type { AccountMode } from './types';
import { useTradingAccount } from './useTradingAccount';
import './broker.css';

/**
 * The dashboard's paper / live switch. Going live is confirmed first (it names the Alpaca account the orders will go
 * to); going back to paper is immediate, being the safe direction. Without keys the server's 422 becomes a link to
 * the broker page.
 */
export function AccountSwitch() {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const account = useTradingAccount();
  const connection = useQuery({ queryKey: brokerKeys.connection, queryFn: ({ signal }) => getBrokerConnection(api, signal) });
  const [confirmingLive, setConfirmingLive] = useState(false);
  const mutation = useMutation({
    mutationFn: (mode: AccountMode) => setTradingMode(api, mode),
    onSuccess: (next) => {
      queryClient.setQueryData(brokerKeys.account, next);
      setConfirmingLive(false);
    },
    onError: () => setConfirmingLive(false),
  });
  const mode = account.data?.mode;

  function choose(next: AccountMode) {
    if (next === mode || mutation.isPending) return;
    mutation.reset();
    if (next === 'live') setConfirmingLive(true);
    else {
      setConfirmingLive(false);
      mutation.mutate('paper');
    }
  }

  const alpaca = connection.data;
  const liveTarget = alpaca ? `your Alpaca ${alpaca.environment} account ${alpaca.accountNumber}` : 'your own Alpaca account';
  return (
    <section className={`panel account-switch${mode === 'live' ? ' account-switch--live' : ''}`} aria-labelledby="account-switch-title" data-testid="account-switch">
      <div className="account-switch__text">
        <h2 id="account-switch-title">
          Trading account <AccountModeBadge mode={mode} testId="account-switch-badge" />
        </h2>
        <p className="muted" data-testid="account-switch-explainer">
          {mode === 'live'
            ? `New orders go to ${liveTarget}.`
            : mode === 'paper'
              ? 'New orders go to the built-in paper exchange: simulated fills, no real money.'
              : 'Reading your account…'}
        </p>
      </div>
      <div className="mode-switch" role="group" aria-label="Account for new orders">
        {(['paper', 'live'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={`mode-switch__option mode-switch__option--${m}`}
            aria-pressed={mode === m}
            disabled={!mode || mutation.isPending}
            onClick={() => choose(m)}
          >
            {m === 'paper' ? 'Paper' : 'Live'}
          </button>
        ))}
      </div>

      {confirmingLive ? (
        <div className="account-switch__confirm alert alert--warning" role="alertdialog" aria-labelledby="go-live-title" data-testid="go-live-confirm">
          <p className="alert__message" id="go-live-title">
            Switch to live? Your orders will be sent to {liveTarget}
            {alpaca?.environment === 'live' ? ', with real money.' : '.'}
          </p>
          <div className="account-switch__actions">
            <button type="button" className="button button--warn" disabled={mutation.isPending} onClick={() => mutation.mutate('live')}>
              Switch to live
            </button>
            <button type="button" className="button button--ghost" onClick={() => setConfirmingLive(false)}>
              Stay on paper
            </button>
          </div>
        </div>
      ) : null}

      {mutation.error && isBrokerNotConnected(mutation.error) ? (
        <div className="alert alert--error" role="alert" data-testid="broker-not-connected">
          <p className="alert__message">Live trading uses your own Alpaca account, and none is connected yet.</p>
          <p className="alert__message">
            <Link to="/broker">Connect your Alpaca keys</Link> first, or keep trading paper.
          </p>
        </div>
      ) : mutation.error ? (
        <ErrorAlert error={mutation.error} />
      ) : null}
      {account.error ? <ErrorAlert error={account.error} /> : null}
    </section>
  );
}

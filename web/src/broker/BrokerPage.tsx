import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, fieldMessages } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { AccountBadge } from './AccountBadge';
import { brokerKeys, connectBroker, disconnectBroker, getBrokerConnection } from './api';
import { emptyBrokerForm, maxKeyIdLength, maxSecretLength, validateBrokerForm, type BrokerForm } from './brokerForm';
import type { BrokerConnection } from './types';
import { useTradingAccount } from './useTradingAccount';
import './broker.css';

/**
 * `/broker`: the user's own Alpaca keys. The keys are write-only: the page shows what the server returns (masked key
 * id, account number, environment, when Alpaca verified them) and never holds the secret longer than one submit.
 */
export function BrokerPage() {
  const { api } = useAuth();
  const connection = useQuery({ queryKey: brokerKeys.connection, queryFn: ({ signal }) => getBrokerConnection(api, signal) });
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="broker">
      <header className="page-header">
        <div>
          <h1>Broker connection</h1>
          <p className="muted page-header__sub">
            Connect your own Alpaca account to trade it live, by hand or with a strategy. Your keys are verified with Alpaca,
            stored encrypted, and never shown again.
          </p>
        </div>
        <div className="page-header__badges">
          <AccountBadge testId="broker-account-badge" />
        </div>
      </header>

      {notice ? (
        <p className="alert alert--info alert__message" role="status" data-testid="broker-notice">
          {notice}
        </p>
      ) : null}
      {connection.error ? <ErrorAlert error={connection.error} /> : null}
      {connection.isPending ? (
        <section className="panel" role="status">
          <p className="muted">Checking your broker connection…</p>
        </section>
      ) : connection.data ? (
        <ConnectionPanel connection={connection.data} onDisconnected={() => setNotice('Disconnected. Your Alpaca keys were deleted from TradeNova.')} />
      ) : (
        <section className="panel broker-status" data-testid="broker-status" data-state="disconnected">
          <h2>Not connected</h2>
          <p className="muted">Without a broker your orders and strategies run on the built-in paper exchange.</p>
        </section>
      )}

      {connection.isPending ? null : (
        <ConnectForm
          replacing={!!connection.data}
          onConnected={(saved) => setNotice(`Connected: Alpaca ${saved.environment} account ${saved.accountNumber}, key ${saved.keyId}.`)}
        />
      )}
    </div>
  );
}

function ConnectionPanel({ connection, onDisconnected }: { connection: BrokerConnection; onDisconnected: () => void }) {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const account = useTradingAccount();
  const [confirming, setConfirming] = useState(false);
  const disconnect = useMutation({
    mutationFn: () => disconnectBroker(api),
    onSuccess: () => {
      queryClient.setQueryData(brokerKeys.connection, null);
      void queryClient.invalidateQueries({ queryKey: brokerKeys.account });
      onDisconnected();
    },
    onSettled: () => setConfirming(false),
  });

  return (
    <section className="panel broker-status" aria-labelledby="broker-status-title" data-testid="broker-status" data-state="connected">
      <div className="broker-status__head">
        <h2 id="broker-status-title">Alpaca</h2>
        <span className="badge badge--live" data-testid="broker-connected">
          {connection.status === 'connected' ? 'Connected' : connection.status}
        </span>
      </div>
      <dl className="broker-facts">
        <div>
          <dt>Environment</dt>
          <dd data-testid="broker-environment">
            <span className={`env env--${connection.environment}`}>{connection.environment === 'live' ? 'Live (real money)' : 'Paper'}</span>
          </dd>
        </div>
        <div>
          <dt>Key id</dt>
          <dd className="mono" data-testid="broker-key-id">{connection.keyId}</dd>
        </div>
        <div>
          <dt>Account number</dt>
          <dd className="mono" data-testid="broker-account-number">{connection.accountNumber}</dd>
        </div>
        <div>
          <dt>Alpaca account status</dt>
          <dd>{connection.accountStatus ?? '—'}</dd>
        </div>
        <div>
          <dt>Verified</dt>
          <dd data-testid="broker-verified-at">
            <time dateTime={connection.connectedAt}>{new Date(connection.connectedAt).toLocaleString()}</time>
          </dd>
        </div>
      </dl>

      {confirming ? (
        <div className="alert alert--warning" role="alertdialog" aria-labelledby="disconnect-title" data-testid="disconnect-confirm">
          <p className="alert__message" id="disconnect-title">
            Disconnect Alpaca? Your keys are deleted from TradeNova.
            {account.data?.mode === 'live' ? ' Your account is on live: live orders and live strategies cannot reach Alpaca until you connect again.' : ''}
          </p>
          <div className="account-switch__actions">
            <button type="button" className="button button--warn" disabled={disconnect.isPending} onClick={() => disconnect.mutate()}>
              Yes, disconnect
            </button>
            <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
              Keep connected
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--ghost button--warn-text" onClick={() => setConfirming(true)}>
          Disconnect
        </button>
      )}
      {disconnect.error ? <ErrorAlert error={disconnect.error} /> : null}
    </section>
  );
}

function ConnectForm({ replacing, onConnected }: { replacing: boolean; onConnected: (saved: BrokerConnection) => void }) {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<BrokerForm>(emptyBrokerForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = validateBrokerForm(form);
    setErrors(checked.errors);
    if (!checked.request) return;
    setBusy(true);
    // The secret lives in this form for one submit only, whatever the answer.
    setForm((f) => ({ ...f, secretKey: '' }));
    try {
      const saved = await connectBroker(api, checked.request);
      queryClient.setQueryData(brokerKeys.connection, saved);
      setForm((f) => ({ ...f, keyId: '' }));
      onConnected(saved);
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError) setErrors(fieldMessages(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel broker-form" onSubmit={submit} noValidate autoComplete="off" aria-labelledby="broker-form-title">
      <h2 id="broker-form-title">{replacing ? 'Replace your keys' : 'Connect Alpaca'}</h2>
      <p className="muted">
        Create API keys in Alpaca&apos;s dashboard (paper and live accounts have separate keys). Saving checks them with Alpaca
        first; nothing is stored if Alpaca refuses them.
      </p>
      <fieldset className={errors.environment ? 'field field--invalid broker-env' : 'field broker-env'}>
        <legend>Environment</legend>
        {(['paper', 'live'] as const).map((env) => (
          <label key={env} className={`broker-env__option${form.environment === env ? ' broker-env__option--checked' : ''}`}>
            <input
              type="radio"
              name="environment"
              value={env}
              checked={form.environment === env}
              onChange={() => setForm((f) => ({ ...f, environment: env }))}
            />
            <span>
              <strong>{env === 'paper' ? 'Paper' : 'Live'}</strong>
              <span className="muted"> {env === 'paper' ? 'paper-api.alpaca.markets, simulated money' : 'api.alpaca.markets, real money'}</span>
            </span>
          </label>
        ))}
        {errors.environment ? <p className="field__error">{errors.environment}</p> : null}
      </fieldset>
      <TextField
        label="Key ID"
        name="keyId"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        maxLength={maxKeyIdLength + 8}
        value={form.keyId}
        error={errors.keyId}
        onChange={(e) => setForm((f) => ({ ...f, keyId: e.target.value }))}
      />
      <TextField
        label="Secret key"
        name="secretKey"
        type="password"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        maxLength={maxSecretLength + 8}
        value={form.secretKey}
        error={errors.secretKey}
        hint="Sent once over HTTPS, stored encrypted, never shown again."
        onChange={(e) => setForm((f) => ({ ...f, secretKey: e.target.value }))}
      />
      <ErrorAlert error={failure} shownFields={['keyId', 'secretKey', 'environment']} />
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Verifying with Alpaca…' : replacing ? 'Verify and replace' : 'Verify and connect'}
        </button>
      </div>
    </form>
  );
}

import { newIdempotencyKey } from '../lib/idempotencyKey';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, fieldMessages } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { ParameterInputs } from '../backtest/ParameterInputs';
import { RuleBuilder } from '../backtest/RuleBuilder';
import { SizingInputs } from '../backtest/SizingInputs';
import { isBrokerNotConnected } from '../broker/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { startStrategyRun, strategyKeys } from './api';
import { barIntervals, defaultStrategyForm, liveParameters, toStartRequest, validateStrategyForm, type StrategyForm } from './strategyForm';
import type { LiveCatalog, StrategyRun } from './types';

/** Starts a live run of a catalogue strategy: the lab's parameter fields and rule builder, then allocation, bar interval,
 * position size and account. */
export function StartStrategyForm({
  catalog,
  liveSymbols,
  onStarted,
}: {
  catalog: LiveCatalog;
  liveSymbols: string[];
  onStarted: (run: StrategyRun) => void;
}) {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<StrategyForm>(() => defaultStrategyForm(catalog, liveSymbols));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Kept while the same form is retried (a lost answer must not start a second run); new after a change or success.
  const idempotencyKey = useRef<string>(newIdempotencyKey());
  const strategy = catalog.strategies.find((s) => s.name === form.strategy);

  const update = (patch: Partial<StrategyForm>) => {
    idempotencyKey.current = newIdempotencyKey();
    setForm((f) => ({ ...f, ...patch }));
  };

  function chooseStrategy(name: string) {
    const next = catalog.strategies.find((s) => s.name === name);
    update({ strategy: name, parameters: liveParameters(next, liveSymbols) });
    setErrors({});
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const problems = validateStrategyForm(form, catalog, liveSymbols);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const run = await startStrategyRun(api, toStartRequest(form, catalog), idempotencyKey.current);
      idempotencyKey.current = newIdempotencyKey();
      await queryClient.invalidateQueries({ queryKey: strategyKeys.list });
      onStarted(run);
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError) setErrors(fieldMessages(error));
    } finally {
      setBusy(false);
    }
  }

  // Field errors with an input of their own are shown beside it; any other lands in the alert.
  const besideInputs = Object.keys(errors).filter((field) =>
    ['allocation', 'barSeconds', 'account', 'name', 'strategy.name', 'sizing.value'].includes(field) ||
    (form.strategy === 'rules'
      ? field.startsWith('strategy.parameters.')
      : (strategy?.parameters ?? []).some((p) => field === `strategy.parameters.${p.name}`)),
  );
  const err = (field: string) => (errors[field] ? <span className="field__error">{errors[field]}</span> : null);
  const symbolHint = liveSymbols.length > 0 ? `live: ${liveSymbols.slice(0, 6).join(', ')}${liveSymbols.length > 6 ? '…' : ''}` : 'a symbol with live prices';

  return (
    <form className="panel bt-form strat-form" onSubmit={submit} noValidate aria-labelledby="strat-form-title">
      <h2 id="strat-form-title">Start a strategy</h2>
      <div className="bt-row">
        <label className="field">
          <span>Strategy</span>
          <select name="strategy" value={form.strategy} onChange={(e) => chooseStrategy(e.target.value)}>
            {catalog.strategies.map((s) => (
              <option key={s.name} value={s.name}>
                {s.displayName}
              </option>
            ))}
          </select>
          <span className="field__hint">{strategy?.description}</span>
          {err('strategy.name')}
        </label>
        <label className="field">
          <span>Name (optional)</span>
          <input name="name" value={form.name} maxLength={100} onChange={(e) => update({ name: e.target.value })} />
          {err('name')}
        </label>
      </div>

      {form.strategy === 'rules' ? (
        <RuleBuilder rule={form.rule} catalog={catalog} errors={errors} onChange={(rule) => update({ rule })} />
      ) : (
        <ParameterInputs
          strategy={strategy}
          values={form.parameters}
          errors={errors}
          onChange={(parameters) => update({ parameters })}
          symbolHint={symbolHint}
          symbolsHint={`comma separated; ${symbolHint}`}
        />
      )}

      <div className="bt-row">
        <label className={errors.allocation ? 'field field--invalid' : 'field'}>
          <span>Allocation ($)</span>
          <input name="allocation" type="number" min="1" step="any" value={form.allocation} onChange={(e) => update({ allocation: e.target.value })} />
          <span className="field__hint">capital the strategy may use, at most the account&apos;s equity</span>
          {err('allocation')}
        </label>
        <label className="field">
          <span>Bar interval</span>
          <select name="barSeconds" value={form.barSeconds} onChange={(e) => update({ barSeconds: Number(e.target.value) })}>
            {barIntervals.filter((b) => !catalog.barSeconds || catalog.barSeconds.includes(b.seconds)).map((b) => (
              <option key={b.seconds} value={b.seconds}>
                {b.label}
              </option>
            ))}
          </select>
          {err('barSeconds')}
        </label>
        <SizingInputs choice={form} onChange={update} error={errors['sizing.value']} />
        <fieldset className="field strat-account">
          <legend>Account</legend>
          <div className="mode-switch" role="group" aria-label="Account">
            {(['paper', 'live'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className={`mode-switch__option mode-switch__option--${m}`}
                aria-pressed={form.account === m}
                onClick={() => update({ account: m })}
              >
                {m === 'paper' ? 'Paper' : 'Live'}
              </button>
            ))}
          </div>
          {err('account')}
        </fieldset>
      </div>

      {form.account === 'live' ? (
        <p className="alert alert--warning alert__message" data-testid="strat-live-warning">
          Live: this strategy sends real orders to your own Alpaca account, through the same risk checks as your manual orders.
        </p>
      ) : null}

      {isBrokerNotConnected(failure) ? (
        <div className="alert alert--error" role="alert" data-testid="broker-not-connected">
          <p className="alert__message">A live strategy trades your own Alpaca account, and none is connected yet.</p>
          <p className="alert__message">
            <Link to="/broker">Connect your Alpaca keys</Link>, or start it on paper.
          </p>
        </div>
      ) : (
        <ErrorAlert error={failure} shownFields={besideInputs} />
      )}
      <div>
        <button type="submit" className={form.account === 'live' ? 'button button--warn' : 'button button--primary'} disabled={busy}>
          {busy ? 'Starting…' : form.account === 'live' ? 'Start on live account' : 'Start on paper'}
        </button>
      </div>
    </form>
  );
}

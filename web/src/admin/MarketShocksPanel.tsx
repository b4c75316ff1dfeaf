import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { applyShock, listShocks, resetShock, shockedSymbols, shockKeys } from './api';

const SHOWN = 20;

/** Moves a symbol's simulated price (a crash rehearsal against the risk monitors) and puts it back; each change is a
 * record with the admin and the reason. Simulated prices only. */
export function MarketShocksPanel() {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const shocks = useQuery({ queryKey: shockKeys.list, queryFn: () => listShocks(api) });
  const [symbol, setSymbol] = useState('');
  const [change, setChange] = useState('');
  const [reason, setReason] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: shockKeys.list });
  const apply = useMutation({
    mutationFn: () => applyShock(api, symbol.trim().toUpperCase(), Number(change), reason.trim()),
    onSuccess: () => {
      setChange('');
      setReason('');
    },
    onSettled: refresh,
  });
  const reset = useMutation({ mutationFn: (s: string) => resetShock(api, s, reason.trim() || `Back to the plain simulation.`), onSettled: refresh });
  const fieldErrors = apply.error instanceof ApiError ? apply.error.fieldErrors : {};
  const changeNumber = Number(change);
  const ready = symbol.trim() !== '' && change.trim() !== '' && Number.isFinite(changeNumber) && changeNumber !== 0 && reason.trim() !== '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ready) apply.mutate();
  }

  const active = shockedSymbols(shocks.data ?? []);
  return (
    <section className="panel" aria-labelledby="shocks-title">
      <h2 id="shocks-title">Price shocks (simulated prices)</h2>
      <p className="muted">
        Move a symbol's simulated price, e.g. to rehearse a crash against the risk monitors. It takes effect on every
        instance about two seconds later.
      </p>
      {active.length > 0 ? (
        <ul className="alert__list" data-testid="active-shocks">
          {active.map((s) => (
            <li key={s.symbol}>
              {s.symbol} at {s.factor}× its simulated price ({s.reason}){' '}
              <button type="button" className="button button--ghost" disabled={reset.isPending} onClick={() => reset.mutate(s.symbol)}>
                Reset {s.symbol}
              </button>
            </li>
          ))}
        </ul>
      ) : shocks.data ? (
        <p className="muted" data-testid="active-shocks">Every symbol follows the plain simulation.</p>
      ) : null}
      <form className="filters" onSubmit={submit} aria-label="Shock a price" noValidate>
        <TextField
          label="Symbol"
          value={symbol}
          maxLength={12}
          placeholder="AAPL"
          onChange={(e) => setSymbol(e.target.value)}
          error={fieldErrors.symbol?.join(' ')}
        />
        <TextField
          label="Change (%)"
          inputMode="decimal"
          value={change}
          placeholder="-15"
          onChange={(e) => setChange(e.target.value)}
          error={fieldErrors.changePercent?.join(' ')}
        />
        <TextField label="Reason (kept with the record)" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        <div className="filters__actions">
          <button type="submit" className="button button--warn" disabled={!ready || apply.isPending}>
            Apply the shock
          </button>
        </div>
      </form>
      {apply.error && !(apply.error instanceof ApiError && Object.keys(fieldErrors).length > 0) ? <ErrorAlert error={apply.error} /> : null}
      {reset.error ? <ErrorAlert error={reset.error} /> : null}
      {shocks.error ? <ErrorAlert error={shocks.error} /> : null}
      {shocks.data && shocks.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-label="Price shocks">
            <thead>
              <tr>
                <th scope="col">Effective</th>
                <th scope="col">Symbol</th>
                <th scope="col" className="num">Change</th>
                <th scope="col" className="num">Factor</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {shocks.data.slice(0, SHOWN).map((s) => (
                <tr key={s.id}>
                  <td className="muted">{new Date(s.effectiveAt).toLocaleString()}</td>
                  <th scope="row">{s.symbol}</th>
                  <td className="num">{`${s.changePercent > 0 ? '+' : ''}${Number(s.changePercent.toFixed(4))}%`}</td>
                  <td className="num">{s.factor}×</td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

import { newIdempotencyKey } from '../lib/idempotencyKey';
import { useClock } from '../lib/useClock';
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError, fieldMessages } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { AccountModeBadge } from '../broker/AccountBadge';
import { useTradingAccount } from '../broker/useTradingAccount';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from 'react-router';
import './trading.css';
import {
  describePreview,
  describePreviewAge,
  describeQuote,
  emptyTicket,
  needsLimitPrice,
  needsStopPrice,
  toPreviewRequest,
  validateTicket,
  type OrderRequest,
  type PreviewResult,
  type Quote,
  type TicketForm,
} from './ticket';

interface SymbolsResponse {
  source: string;
  symbols: { symbol: string; name: string; referencePrice: number }[];
}
interface QuotesResponse {
  source: string;
  quotes: Quote[];
}
interface OrderResult {
  id: string;
  status: string;
  symbol: string;
  reason?: string | null;
  reasonCodes?: string[] | null;
}

const QUOTE_REFRESH_MS = 2000;

/** Order ticket: check the form, ask Risk for a preview, then send it with the preview's own Idempotency-Key. */
export function OrderTicketPage() {
  const { api } = useAuth();
  const symbols = useQuery({
    queryKey: ['market', 'symbols'],
    queryFn: () => api.request<SymbolsResponse>('GET', '/api/v1/market/symbols'),
  });
  const [form, setForm] = useState<TicketForm>(emptyTicket);
  // The chosen symbol's quote, read again every two seconds while the ticket is open (30 of the 300 requests a minute
  // the gateway allows a user).
  const quote = useQuery({
    queryKey: ['market', 'quote', form.symbol],
    queryFn: ({ signal }) =>
      api.request<QuotesResponse>('GET', `/api/v1/market/quotes?symbols=${encodeURIComponent(form.symbol)}`, { signal }),
    enabled: form.symbol !== '',
    refetchInterval: QUOTE_REFRESH_MS,
  });
  const shownQuote = form.symbol !== '' ? quote.data?.quotes.find((q) => q.symbol === form.symbol) : undefined;
  const [errors, setErrors] = useState<Record<string, string>>({});
  // One Idempotency-Key per previewed order: sending it again after a failure (a timeout, a 503 at capacity) cannot place
  // it twice.
  const [preview, setPreview] = useState<{ order: OrderRequest; result: PreviewResult; idempotencyKey: string; checkedAt: number } | null>(null);
  const now = useClock(preview !== null);
  const [result, setResult] = useState<OrderResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const tradingAccount = useTradingAccount();
  const mode = tradingAccount.data?.mode;

  const set = (patch: Partial<TicketForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setPreview(null);
  };

  function onPreview(event: FormEvent) {
    event.preventDefault();
    void runPreview();
  }

  async function runPreview() {
    setResult(null);
    setFailure(null);
    const checked = validateTicket(form);
    setErrors(checked.errors);
    if (!checked.order) return;
    setBusy(true);
    try {
      const res = await api.request<PreviewResult>('POST', '/api/v1/risk/preview', { body: toPreviewRequest(checked.order) });
      setPreview({ order: checked.order, result: res, idempotencyKey: newIdempotencyKey(), checkedAt: Date.now() });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  async function onSend() {
    if (!preview) return;
    setBusy(true);
    setFailure(null);
    try {
      const order = await api.request<OrderResult>('POST', '/api/v1/orders', {
        body: preview.order,
        headers: { 'Idempotency-Key': preview.idempotencyKey },
      });
      setResult(order);
      setPreview(null);
    } catch (e) {
      setFailure(e);
      if (e instanceof ApiError) setErrors(fieldMessages(e));
    } finally {
      setBusy(false);
    }
  }

  const described = preview ? describePreview(preview.order, preview.result) : null;
  const age = preview ? describePreviewAge(preview.checkedAt, now) : null;

  const fieldError = (name: string) =>
    errors[name] ? (
      <span className="field__error" role="alert">
        {errors[name]}
      </span>
    ) : null;

  return (
    <section className="panel ticket" aria-labelledby="ticket-title">
      <div className="ticket__title">
        <h1 id="ticket-title">Order ticket</h1>
        <AccountModeBadge mode={mode} testId="ticket-account-badge" />
      </div>
      {mode === 'live' ? (
        <p className="alert alert--warning alert__message" data-testid="ticket-account">
          Live account: this order goes to your own Alpaca account. <Link to="/dashboard">Switch to paper</Link>
        </p>
      ) : (
        <p className="muted" data-testid="ticket-account">
          Paper account: simulated fills against simulated prices.
        </p>
      )}
      <form onSubmit={onPreview} noValidate>
        <label className="field">
          Symbol
          <select value={form.symbol} onChange={(e) => set({ symbol: e.target.value })}>
            <option value="">Choose…</option>
            {symbols.data?.symbols.map((s) => (
              <option key={s.symbol} value={s.symbol}>
                {s.symbol} — {s.name}
              </option>
            ))}
          </select>
          {fieldError('symbol')}
        </label>
        <label className="field">
          Side
          <select value={form.side} onChange={(e) => set({ side: e.target.value as TicketForm['side'] })}>
            <option value="buy">Buy</option>
            <option value="sell">Sell</option>
          </select>
        </label>
        <label className="field">
          Type
          <select value={form.type} onChange={(e) => set({ type: e.target.value as TicketForm['type'] })}>
            <option value="market">Market</option>
            <option value="limit">Limit</option>
            <option value="stop">Stop</option>
            <option value="stop_limit">Stop limit</option>
          </select>
        </label>
        <label className="field">
          Time in force
          <select
            value={form.timeInForce}
            onChange={(e) => set({ timeInForce: e.target.value as TicketForm['timeInForce'] })}
          >
            <option value="day">Day</option>
            <option value="gtc">Good till canceled</option>
            <option value="ioc">Immediate or cancel</option>
            <option value="fok">Fill or kill</option>
          </select>
          {fieldError('timeInForce')}
        </label>
        <label className="field">
          Size in
          <select value={form.sizeMode} onChange={(e) => set({ sizeMode: e.target.value as TicketForm['sizeMode'] })}>
            <option value="quantity">Shares</option>
            <option value="notional">Dollars</option>
          </select>
        </label>
        <label className="field">
          {form.sizeMode === 'quantity' ? 'Quantity' : 'Notional'}
          <input inputMode="decimal" value={form.size} onChange={(e) => set({ size: e.target.value })} />
          {fieldError(form.sizeMode)}
        </label>
        {needsLimitPrice(form.type) && (
          <label className="field">
            Limit price
            <input inputMode="decimal" value={form.limitPrice} onChange={(e) => set({ limitPrice: e.target.value })} />
            {fieldError('limitPrice')}
          </label>
        )}
        {needsStopPrice(form.type) && (
          <label className="field">
            Stop price
            <input inputMode="decimal" value={form.stopPrice} onChange={(e) => set({ stopPrice: e.target.value })} />
            {fieldError('stopPrice')}
          </label>
        )}
        <label className="field">
          Stop-loss (optional)
          <input inputMode="decimal" value={form.stopLoss} onChange={(e) => set({ stopLoss: e.target.value })} />
          {fieldError('stopLoss')}
        </label>
        <label className="field">
          Take-profit (optional)
          <input inputMode="decimal" value={form.takeProfit} onChange={(e) => set({ takeProfit: e.target.value })} />
          {fieldError('takeProfit')}
        </label>
        <button type="submit" className="button" disabled={busy}>
          Preview
        </button>
      </form>
      {shownQuote && quote.data ? (
        <p className="ticket__quote muted" data-testid="ticket-quote">
          {form.symbol}: {describeQuote(shownQuote, quote.data.source)}
        </p>
      ) : null}

      {preview && (
        <div className={`alert ${preview.result.approved ? 'alert--info' : 'alert--error'}`} data-testid="risk-preview">
          <p className="alert__message">
            {preview.result.approved ? 'Risk check passed.' : 'Risk would reject this order:'}
          </p>
          {preview.result.violations.length > 0 && (
            <ul className="alert__list">
              {preview.result.violations.map((v) => (
                <li key={v.code}>
                  {v.message} <code>{v.code}</code>
                </li>
              ))}
            </ul>
          )}
          {described?.size && (
            <p className="alert__message" data-testid="preview-size">
              {described.size}
            </p>
          )}
          {preview.result.approved && described?.bracket && (
            <p className="alert__message" data-testid="preview-bracket">
              {described.bracket}
            </p>
          )}
          {age && (
            <p className={age.stale ? 'alert__message ticket__age ticket__age--stale' : 'alert__message ticket__age'} data-testid="preview-age">
              {age.text}
            </p>
          )}
          <div className="ticket__preview-actions">
            {/* An order Risk would reject is not offered for sending: change it, or check again once prices move. */}
            {preview.result.approved && (
              <button
                type="button"
                className={mode === 'live' ? 'button button--warn' : 'button button--primary'}
                disabled={busy || !mode}
                onClick={() => void onSend()}
              >
                {mode === 'live' ? 'Send live order' : 'Send order'}
              </button>
            )}
            {(age?.stale || !preview.result.approved) && (
              <button type="button" className="button button--ghost" disabled={busy} onClick={() => void runPreview()}>
                Check again
              </button>
            )}
          </div>
        </div>
      )}
      {failure ? <ErrorAlert error={failure} /> : null}
      {result && (
        <div className="alert alert--info" role="status" data-testid="order-result">
          <p className="alert__message">
            Order {result.symbol} {result.status}
            {result.reason ? `: ${result.reason}` : ''}
          </p>
          <p className="alert__message">
            <Link to="/dashboard">See it on the dashboard</Link> · <Link to="/orders">Orders</Link>
          </p>
        </div>
      )}
    </section>
  );
}

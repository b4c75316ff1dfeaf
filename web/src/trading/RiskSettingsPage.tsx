import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, fieldMessages } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { getRiskLimits, tradingKeys, updateRiskLimits } from './api';
import type { RiskLimits } from './apiTypes';
import { limitFields, loosenedPastDefaults, toForm, toUpdate, type LimitsForm } from './limitsForm';
import { RiskUsagePanel } from './RiskUsagePanel';
import './trading.css';

/** Limits the server refused to loosen for a non-admin, from the ProblemDetails' `fields` extension. */
function needsAdminFields(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.status !== 403) return [];
  const fields = error.extensions.fields;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}

const shown = (limits: RiskLimits, key: keyof RiskLimits, percent: boolean) =>
  percent ? `${toForm(limits)[key]}%` : String(limits[key]);

/** The user's risk limits beside the platform defaults: any limit may be tightened; loosening past a default needs an admin. */
export function RiskSettingsPage() {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const limits = useQuery({ queryKey: tradingKeys.riskLimits, queryFn: ({ signal }) => getRiskLimits(api, signal) });
  const [form, setForm] = useState<LimitsForm | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Partial<RiskLimits>) => updateRiskLimits(api, reason.trim() ? { ...body, reason: reason.trim() } : body),
    onSuccess: (data) => {
      queryClient.setQueryData(tradingKeys.riskLimits, data);
      setForm(toForm(data.limits));
      setReason('');
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(fieldMessages(error));
    },
  });

  useEffect(() => {
    if (limits.data && form === null) setForm(toForm(limits.data.limits));
  }, [limits.data, form]);

  if (limits.error) return <ErrorAlert error={limits.error} />;
  if (!limits.data || !form) {
    return (
      <section className="panel panel--status" role="status">
        <h1>Loading your risk limits…</h1>
        <span className="spinner" aria-hidden="true" />
      </section>
    );
  }
  const { limits: current, defaults } = limits.data;
  const checked = toUpdate(form, current);
  const loosened = checked.body ? loosenedPastDefaults(checked.body, defaults) : [];
  const refused = needsAdminFields(save.error);
  const unchanged = checked.body !== undefined && Object.keys(checked.body).length === 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    setErrors(checked.errors);
    if (checked.body && Object.keys(checked.body).length > 0) save.mutate(checked.body);
  }

  return (
    <div className="portfolio">
      <header className="page-header">
        <div>
          <h1>Risk settings</h1>
          <p className="muted page-header__sub">
            Version {limits.data.version} · changed {new Date(limits.data.updatedAt).toLocaleString()}
          </p>
        </div>
      </header>
      <section className="panel" aria-labelledby="limits-title">
        <h2 id="limits-title">Your limits</h2>
        <p className="muted">
          Checked before every order and on every valuation. You may tighten any limit; loosening one past the platform
          default needs an administrator.
        </p>
        <form onSubmit={submit} noValidate aria-label="Risk limits">
          <div className="limits">
            {limitFields.map(({ key, label, percent, hint }) => (
              <label key={key} className="field" data-testid={`limit-${key}`}>
                {label}
                <span className="limits__input">
                  <input
                    inputMode="decimal"
                    value={form[key]}
                    aria-invalid={errors[key] || refused.includes(key) ? true : undefined}
                    onChange={(e) => setForm({ ...form, [key]: e.target.value })}
                  />
                  {percent ? '%' : null}
                </span>
                <span className="field__hint">
                  {hint}. Default {shown(defaults, key, percent)}
                  {current[key] !== defaults[key] ? `, yours ${shown(current, key, percent)}` : ''}.
                </span>
                {errors[key] ? <span className="field__error" role="alert">{errors[key]}</span> : null}
                {refused.includes(key) ? <span className="field__error">Needs an administrator.</span> : null}
                {!refused.includes(key) && loosened.includes(key) ? (
                  <span className="field__hint">Looser than the default: the server will ask for an administrator.</span>
                ) : null}
              </label>
            ))}
          </div>
          <label className="field limits__reason">
            Reason (optional, kept in the audit log)
            <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="limits__footer">
            <button type="submit" className="button button--primary" disabled={save.isPending || unchanged}>
              {save.isPending ? 'Saving…' : 'Save limits'}
            </button>
            <button type="button" className="button button--ghost" onClick={() => { setForm(toForm(current)); setErrors({}); save.reset(); }}>
              Discard changes
            </button>
            {save.isSuccess ? <span role="status" data-testid="limits-saved">Saved as version {save.data.version}.</span> : null}
          </div>
        </form>
        {save.error ? (
          <div data-testid="limits-error">
            {refused.length > 0 && save.error instanceof ApiError ? (
              <div className="alert alert--error" role="alert">
                <p className="alert__message">
                  <strong>{save.error.title ?? 'Only an administrator may loosen this limit.'}</strong>
                </p>
                <ul className="alert__list">
                  {limitFields
                    .filter((f) => refused.includes(f.key))
                    .map((f) => (
                      <li key={f.key}>
                        {f.label}: the platform default is {shown(defaults, f.key, f.percent)}; ask an administrator to go past it.
                      </li>
                    ))}
                </ul>
                {/* The detail names the API fields (for partners); the list above already says it in the form's words. */}
                <p className="alert__message muted">You may tighten any limit yourself.</p>
              </div>
            ) : (
              <ErrorAlert error={save.error} shownFields={Object.keys(errors)} />
            )}
          </div>
        ) : null}
      </section>
      <RiskUsagePanel limits={limits} linkToSettings={false} />
    </div>
  );
}

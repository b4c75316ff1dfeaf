import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { ApiError } from '../api/problem';
import { backtestApi } from './api';
import {
  defaultForm,
  defaultOptimization,
  defaultParameters,
  gridSize,
  toOptimizationRequest,
  toRequest,
  validateForm,
  validateOptimization,
  type BacktestForm,
  type FieldErrors,
  type OptimizationDraft,
} from './formModel';
import { ParameterInputs } from './ParameterInputs';
import { RuleBuilder } from './RuleBuilder';
import { SizingInputs } from './SizingInputs';
import { date, kindLabel, pct, usd } from './format';
import type { Catalog, JobKind } from './types';
import './backtest.css';

type Mode = JobKind;

/** The lab: one form for a backtest, a comparison or an optimisation, and the history of the user's runs. */
export function BacktestLabPage() {
  const { api } = useAuth();
  const catalog = useQuery({ queryKey: ['backtest-catalog'], queryFn: () => backtestApi.catalog(api), staleTime: Infinity });
  if (catalog.error) return <ErrorAlert error={catalog.error} />;
  if (!catalog.data) return <p className="muted">Loading the lab…</p>;
  return (
    <div className="bt">
      <header className="page-header">
        <div>
          <h1>Backtesting lab</h1>
          <p className="muted">Test strategies on real S&amp;P 500 history, your own CSV data or clearly labelled synthetic prices.</p>
        </div>
      </header>
      <LabForm catalog={catalog.data} />
      <History />
    </div>
  );
}

function LabForm({ catalog }: { catalog: Catalog }) {
  const { api } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('backtest');
  const [form, setForm] = useState<BacktestForm>(() => defaultForm(catalog));
  const strategy = catalog.strategies.find((s) => s.name === form.strategy);
  const [optimization, setOptimization] = useState<OptimizationDraft>(() => defaultOptimization(strategy));
  const [compared, setCompared] = useState<{ label: string; name: string; parameters: unknown }[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const numericFields = useMemo(() => (strategy?.parameters ?? []).filter((p) => p.type === 'integer' || p.type === 'number'), [strategy]);

  const set = <K extends keyof BacktestForm>(key: K, value: BacktestForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  function chooseStrategy(name: string) {
    const next = catalog.strategies.find((s) => s.name === name);
    setForm((f) => ({ ...f, strategy: name, parameters: defaultParameters(next) }));
    setOptimization(defaultOptimization(next));
    setErrors({});
  }

  function addToComparison() {
    const problems = validateForm(form, catalog);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const body = toRequest(form, catalog) as { strategy: { name: string; parameters: unknown } };
    const label = `${strategy?.displayName ?? form.strategy} ${Object.values(form.parameters).filter((v) => /^\d/.test(v)).join('/')}`.trim();
    setCompared((list) => [...list, { label: `${label}${list.some((c) => c.label === label) ? ` #${list.length + 1}` : ''}`, ...body.strategy }]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setServerError(null);
    const problems = mode === 'comparison' ? {} : validateForm(form, catalog);
    if (mode === 'optimization') Object.assign(problems, validateOptimization(optimization, catalog, strategy));
    if (mode === 'comparison' && compared.length === 0) problems.strategies = 'Add at least one strategy to compare.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    let body: Record<string, unknown>;
    if (mode === 'optimization') body = toOptimizationRequest(form, optimization, catalog);
    else if (mode === 'comparison') {
      const { strategy: _ignored, ...rest } = toRequest(form, catalog);
      body = { ...rest, strategies: compared };
    } else body = toRequest(form, catalog);
    setBusy(true);
    try {
      const job = await backtestApi.submit(api, mode, body);
      await queryClient.invalidateQueries({ queryKey: ['backtests'] });
      navigate(`/backtests/${job.id}`);
    } catch (error) {
      setServerError(error);
      if (error instanceof ApiError) setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v.join(' ')])));
    } finally {
      setBusy(false);
    }
  }

  const err = (field: string) => (errors[field] ? <span className="field__error">{errors[field]}</span> : null);

  return (
    <form className="panel bt-form" onSubmit={submit} noValidate aria-label="Backtest form">
      <div className="bt-tabs" role="tablist">
        {(['backtest', 'comparison', 'optimization'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} className={mode === m ? 'bt-tab bt-tab--active' : 'bt-tab'} onClick={() => setMode(m)}>
            {m === 'backtest' ? 'Backtest' : m === 'comparison' ? 'Compare' : 'Optimise'}
          </button>
        ))}
      </div>

      <div className="bt-row">
        <label className="field">
          <span>Strategy</span>
          <select name="strategy" value={form.strategy} onChange={(e) => chooseStrategy(e.target.value)}>
            {catalog.strategies.map((s) => <option key={s.name} value={s.name}>{s.displayName}</option>)}
          </select>
          <span className="field__hint">{strategy?.description}</span>
        </label>
        <label className="field">
          <span>Name (optional)</span>
          <input name="name" value={form.name} onChange={(e) => set('name', e.target.value)} maxLength={100} />
        </label>
      </div>

      {form.strategy === 'rules' ? (
        <RuleBuilder rule={form.rule} catalog={catalog} errors={errors} onChange={(rule) => set('rule', rule)} />
      ) : (
        <ParameterInputs strategy={strategy} values={form.parameters} errors={errors} onChange={(values) => set('parameters', values)} />
      )}

      <div className="bt-row">
        <label className="field"><span>Start (optional)</span><input type="date" name="start" value={form.start} onChange={(e) => set('start', e.target.value)} /></label>
        <label className="field"><span>End (optional)</span><input type="date" name="end" value={form.end} onChange={(e) => set('end', e.target.value)} />{err('end')}</label>
        <label className="field"><span>Starting cash ($)</span><input type="number" name="initialCash" value={form.initialCash} onChange={(e) => set('initialCash', e.target.value)} />{err('initialCash')}</label>
      </div>

      <div className="bt-row">
        <SizingInputs choice={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} error={errors['sizing.value']} />
        <label className="field bt-check"><input type="checkbox" name="fractionalShares" checked={form.fractionalShares} onChange={(e) => set('fractionalShares', e.target.checked)} /> Fractional shares</label>
        <label className="field bt-check"><input type="checkbox" name="riskEnabled" checked={form.riskEnabled} onChange={(e) => set('riskEnabled', e.target.checked)} /> Platform risk rules (10% position cap, 5% stop, 10% target)</label>
      </div>

      <details className="bt-costs">
        <summary>Costs: commission and slippage (none by default)</summary>
        <div className="bt-row">
          <label className="field"><span>$ per share</span><input type="number" name="commissionPerShare" value={form.commissionPerShare} onChange={(e) => set('commissionPerShare', e.target.value)} />{err('commission.perShare')}</label>
          <label className="field"><span>% of value</span><input type="number" name="commissionPercent" value={form.commissionPercent} onChange={(e) => set('commissionPercent', e.target.value)} />{err('commission.percentOfNotional')}</label>
          <label className="field"><span>$ per order</span><input type="number" name="commissionPerOrder" value={form.commissionPerOrder} onChange={(e) => set('commissionPerOrder', e.target.value)} />{err('commission.perOrder')}</label>
          <label className="field"><span>Slippage (bps)</span><input type="number" name="slippageBps" value={form.slippageBps} onChange={(e) => set('slippageBps', e.target.value)} />{err('slippage.bps')}</label>
        </div>
      </details>

      {mode === 'optimization' ? (
        <fieldset className="bt-opt">
          <legend>Parameters to vary ({gridSize(optimization.ranges).toLocaleString('en-US')} sets)</legend>
          {optimization.ranges.map((range, i) => (
            <div className="bt-row" key={i}>
              <label className="field"><span>Parameter</span>
                <select name={`range-${i}-name`} value={range.name} onChange={(e) => setOptimization((o) => ({ ...o, ranges: o.ranges.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)) }))}>
                  {numericFields.map((p) => <option key={p.name} value={p.name}>{p.label}</option>)}
                </select>
              </label>
              {(['min', 'max', 'step'] as const).map((bound) => (
                <label className="field" key={bound}><span>{bound}</span>
                  <input type="number" name={`range-${i}-${bound}`} value={range[bound]}
                    onChange={(e) => setOptimization((o) => ({ ...o, ranges: o.ranges.map((r, j) => (j === i ? { ...r, [bound]: e.target.value } : r)) }))} />
                  {err(`optimization.parameters[${i}].${bound}`)}
                </label>
              ))}
            </div>
          ))}
          {err('optimization.parameters')}
          <div className="bt-row">
            <label className="field"><span>Search</span>
              <select name="search" value={optimization.search} onChange={(e) => setOptimization((o) => ({ ...o, search: e.target.value as 'grid' | 'random' }))}>
                <option value="grid">grid (every set)</option><option value="random">random sample</option>
              </select>
            </label>
            {optimization.search === 'random' ? (
              <label className="field"><span>Samples</span><input type="number" value={optimization.samples} onChange={(e) => setOptimization((o) => ({ ...o, samples: e.target.value }))} /></label>
            ) : null}
            <label className="field"><span>Objective</span>
              <select name="objective" value={optimization.objective} onChange={(e) => setOptimization((o) => ({ ...o, objective: e.target.value }))}>
                {catalog.objectives.map((o) => <option key={o} value={o}>{o.replace('_', ' ')}</option>)}
              </select>
            </label>
            <label className="field"><span>Max drawdown below (%)</span><input type="number" name="maxDrawdown" value={optimization.maxDrawdown} placeholder="no limit" onChange={(e) => setOptimization((o) => ({ ...o, maxDrawdown: e.target.value }))} />{err('optimization.constraints[0].value')}</label>
          </div>
          <div className="bt-row">
            <label className="field bt-check"><input type="checkbox" checked={optimization.walkForward} onChange={(e) => setOptimization((o) => ({ ...o, walkForward: e.target.checked }))} /> Walk-forward analysis</label>
            {optimization.walkForward ? (
              <>
                <label className="field"><span>In-sample bars</span><input type="number" value={optimization.inSampleBars} onChange={(e) => setOptimization((o) => ({ ...o, inSampleBars: e.target.value }))} /></label>
                <label className="field"><span>Out-of-sample bars</span><input type="number" value={optimization.outOfSampleBars} onChange={(e) => setOptimization((o) => ({ ...o, outOfSampleBars: e.target.value }))} /></label>
              </>
            ) : null}
          </div>
        </fieldset>
      ) : null}

      {mode === 'comparison' ? (
        <fieldset className="bt-opt">
          <legend>Strategies to compare (buy-and-hold is added as the benchmark)</legend>
          <ul>{compared.map((c, i) => <li key={i}>{c.label} <button type="button" className="button button--ghost" onClick={() => setCompared((l) => l.filter((_, j) => j !== i))}>remove</button></li>)}</ul>
          <button type="button" className="button button--ghost" onClick={addToComparison}>+ Add the strategy above</button>
          {err('strategies')}
        </fieldset>
      ) : null}

      <ErrorAlert error={serverError} shownFields={Object.keys(errors)} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {mode === 'backtest' ? 'Run backtest' : mode === 'comparison' ? 'Run comparison' : 'Run optimisation'}
      </button>
    </form>
  );
}

function History() {
  const { api } = useAuth();
  const jobs = useQuery({ queryKey: ['backtests'], queryFn: () => backtestApi.list(api) });
  return (
    <section className="panel" aria-labelledby="bt-history">
      <h2 id="bt-history">Your runs</h2>
      {jobs.error ? <ErrorAlert error={jobs.error} /> : null}
      {jobs.data && jobs.data.length === 0 ? <p className="muted">No runs yet.</p> : null}
      {jobs.data && jobs.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th>When</th><th>Kind</th><th>Name</th><th>Status</th><th className="num">Final equity</th><th className="num">Return</th><th className="num">Max DD</th><th>Data</th></tr></thead>
            <tbody>
              {jobs.data.map((j) => (
                <tr key={j.id}>
                  <td><Link to={`/backtests/${j.id}`}>{date(j.createdAt)} {j.createdAt.slice(11, 19)}</Link></td>
                  <td>{kindLabel(j.kind)}</td>
                  <td>{j.name ?? '—'}</td>
                  <td>{j.status}</td>
                  <td className="num">{usd(j.finalEquity)}</td>
                  <td className="num">{pct(j.totalReturn)}</td>
                  <td className="num">{pct(j.maxDrawdown)}</td>
                  <td>{j.usesSyntheticData ? <span className="badge bt-synthetic">synthetic</span> : 'real'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import type { TokenStore } from '../auth/tokenStore';
import { ErrorAlert } from '../components/ErrorAlert';
import { backtestApi, downloadExport } from './api';
import { eta, kindLabel } from './format';
import { isTerminal, useJobStream } from './useJobStream';
import { ComparisonView, OptimizationView, RunView } from './ResultViews';
import type { ComparisonResult, JobView, OptimizationResult, RunOutput } from './types';
import './backtest.css';

/** One run: live progress with cancel while it works, then its result, assumptions and exports. */
export function BacktestResultPage({ tokens }: { tokens: TokenStore }) {
  const { id = '' } = useParams();
  const { api } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['backtest', id], queryFn: () => backtestApi.get(api, id) });
  const live = useJobStream(api, tokens, id, detail.data?.job);
  const [actionError, setActionError] = useState<unknown>(null);

  const liveStatus = live?.status;
  const storedStatus = detail.data?.job.status;
  useEffect(() => {
    // The stream said the job finished: fetch the stored result once.
    if (liveStatus && storedStatus && isTerminal(live) && liveStatus !== storedStatus)
      void queryClient.invalidateQueries({ queryKey: ['backtest', id] });
  }, [liveStatus, storedStatus, id, queryClient, live]);

  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data || !live) return <p className="muted">Loading…</p>;
  const job = live;
  const result = detail.data.result;

  async function cancel() {
    try {
      await backtestApi.cancel(api, id);
    } catch (error) {
      setActionError(error);
    }
  }

  async function remove() {
    try {
      await backtestApi.remove(api, id);
      await queryClient.invalidateQueries({ queryKey: ['backtests'] });
      navigate('/backtests');
    } catch (error) {
      setActionError(error);
    }
  }

  return (
    <div className="bt">
      <header className="page-header">
        <div>
          <p className="muted"><Link to="/backtests">← Backtesting lab</Link></p>
          <h1>{kindLabel(job.kind)}{job.name ? `: ${job.name}` : ''}</h1>
          <p className="muted">Engine {job.engineVersion ?? '—'} · started {job.createdAt.slice(0, 19).replace('T', ' ')} UTC</p>
        </div>
        <div className="bt-actions">
          {job.status === 'succeeded' ? (
            <>
              <button type="button" className="button button--ghost" onClick={() => void downloadExport(tokens.accessToken, id, 'trades').catch(setActionError)}>Export trades (CSV)</button>
              <button type="button" className="button button--ghost" onClick={() => void downloadExport(tokens.accessToken, id, 'equity').catch(setActionError)}>Export equity (CSV)</button>
            </>
          ) : null}
          <button type="button" className="button button--ghost" onClick={() => void remove()}>Delete</button>
        </div>
      </header>
      <Assumptions job={job} />
      <ErrorAlert error={actionError} />
      {!isTerminal(job) ? <Progress job={job} onCancel={() => void cancel()} /> : null}
      {job.status === 'failed' || job.status === 'cancelled' ? (
        <div className="alert alert--error" role="alert"><p className="alert__message">{job.status === 'cancelled' ? 'Cancelled.' : 'Failed'} {job.error}</p></div>
      ) : null}
      {job.status === 'succeeded' && result ? (
        <>
          <div className="bt-progress bt-progress--done" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={100} data-testid="job-progress">
            <div className="bt-progress__bar" style={{ width: '100%' }} />
            <span className="bt-progress__label">100% · done</span>
          </div>
          {job.kind === 'optimization' ? <OptimizationView result={result as OptimizationResult} /> : null}
          {job.kind === 'comparison' ? <ComparisonView result={result as ComparisonResult} /> : null}
          {job.kind === 'backtest' ? <RunView run={result as RunOutput} /> : null}
        </>
      ) : null}
      {job.status === 'succeeded' && !result ? <p className="muted">Loading the result…</p> : null}
    </div>
  );
}

function Assumptions({ job }: { job: JobView }) {
  return (
    <p className={job.usesSyntheticData ? 'bt-assumptions bt-assumptions--synthetic' : 'bt-assumptions'} data-testid="assumptions">
      {job.usesSyntheticData ? <span className="badge bt-synthetic">SYNTHETIC DATA</span> : null} {job.assumptions}
      {job.dataSummary ? <span className="bt-assumptions__data"> Data: {job.dataSummary}</span> : null}
    </p>
  );
}

function Progress({ job, onCancel }: { job: JobView; onCancel: () => void }) {
  const percent = Math.round(job.progress * 100);
  return (
    <div className="panel">
      <div className="bt-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="job-progress">
        <div className="bt-progress__bar" style={{ width: `${percent}%` }} />
        <span className="bt-progress__label">{job.status === 'queued' ? 'Queued…' : `${percent}% ${eta(job.etaSeconds)}`}</span>
      </div>
      <button type="button" className="button button--ghost" onClick={onCancel}>Cancel</button>
    </div>
  );
}

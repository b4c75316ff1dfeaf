import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { getStrategyCatalog, getStrategyRun, listStrategyRuns, stopStrategyRun, strategyKeys } from './api';
import { useStrategyHubRefresh } from './liveUpdates';
import { RunDetails } from './RunDetails';
import { RunsTable } from './RunsTable';
import { StartStrategyForm } from './StartStrategyForm';
import type { StrategyRun } from './types';
import '../backtest/backtest.css';
import '../broker/broker.css';
import '../trading/trading.css';
import './strategies.css';

/** Runs and their P&L change with every bar and fill; between hub pushes the page asks again at this pace. */
export const STRATEGY_POLL_MS = 4000;

interface SymbolsResponse {
  symbols: { symbol: string }[];
}

/**
 * `/strategies` and `/strategies/:id`: start a catalogue strategy on paper or live, watch each run's status and P&L,
 * stop it, and read a run's last signals and orders. Polls, and refreshes at once on the hub's order messages that
 * carry a strategy run id.
 */
export function StrategiesPage({ pollMs = STRATEGY_POLL_MS }: { pollMs?: number }) {
  const { api } = useAuth();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useStrategyHubRefresh();

  const catalog = useQuery({ queryKey: strategyKeys.catalog, queryFn: ({ signal }) => getStrategyCatalog(api, signal), staleTime: Infinity });
  const symbols = useQuery({
    queryKey: ['market', 'symbols'],
    queryFn: ({ signal }) => api.request<SymbolsResponse>('GET', '/api/v1/market/symbols', signal ? { signal } : {}),
    staleTime: 5 * 60_000,
  });
  const runs = useQuery({
    queryKey: strategyKeys.list,
    queryFn: ({ signal }) => listStrategyRuns(api, signal),
    refetchInterval: pollMs,
  });
  const details = useQuery({
    queryKey: strategyKeys.run(id ?? ''),
    queryFn: ({ signal }) => getStrategyRun(api, id!, signal),
    enabled: !!id,
    refetchInterval: pollMs,
  });
  const [stopping, setStopping] = useState<string | null>(null);
  const [stopError, setStopError] = useState<unknown>(null);

  const displayName = (name: string) => catalog.data?.strategies.find((s) => s.name === name)?.displayName ?? name;

  async function stop(run: Pick<StrategyRun, 'id'>) {
    setStopping(run.id);
    setStopError(null);
    try {
      await stopStrategyRun(api, run.id);
    } catch (error) {
      // 409 strategy-not-running: it stopped meanwhile; the refresh below shows why.
      setStopError(error);
    } finally {
      setStopping(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: strategyKeys.list }),
        queryClient.invalidateQueries({ queryKey: strategyKeys.run(run.id) }),
      ]);
    }
  }

  const items = runs.data?.items ?? [];
  const running = items.filter((r) => r.status === 'running').length;
  const liveSymbols = symbols.data?.symbols.map((s) => s.symbol) ?? [];

  return (
    <div className="bt strat">
      <header className="page-header">
        <div>
          <h1>Strategies</h1>
          <p className="muted page-header__sub">
            The lab&apos;s strategies, running on live bars: on paper, or on your own Alpaca account. Orders go through the same
            risk checks as yours. {runs.data ? `${running} running (at most ${catalog.data?.maxRunningPerUser ?? 5}).` : ''}
          </p>
        </div>
        <Link to="/backtests" className="button button--ghost">
          Backtest first
        </Link>
      </header>

      <section className="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">Your runs</h2>
        {runs.error ? <ErrorAlert error={runs.error} /> : null}
        {stopError ? <ErrorAlert error={stopError} /> : null}
        {runs.isPending ? <p className="muted">Loading your runs…</p> : null}
        {runs.data && items.length === 0 ? (
          <p className="muted" data-testid="no-runs">
            No strategies yet. Start one below.
          </p>
        ) : null}
        {items.length > 0 ? (
          <RunsTable runs={items} displayName={displayName} selectedId={id} stopping={stopping} onStop={(run) => void stop(run)} />
        ) : null}
      </section>

      {id ? <RunDetails details={details} displayName={displayName} stopping={stopping === id} onStop={() => void stop({ id })} /> : null}

      {catalog.error ? <ErrorAlert error={catalog.error} /> : null}
      {catalog.data && !symbols.isPending ? (
        <StartStrategyForm catalog={catalog.data} liveSymbols={liveSymbols} onStarted={(run) => navigate(`/strategies/${run.id}`)} />
      ) : catalog.isPending || symbols.isPending ? (
        <p className="muted">Loading the strategy catalogue…</p>
      ) : null}
    </div>
  );
}

import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { AccountSwitch } from '../broker/AccountSwitch';
import { ErrorAlert } from '../components/ErrorAlert';
import { isNotOpenedYet } from '../portfolio/usePortfolio';
import { AccountMetrics, PositionsTable } from './AccountPanels';
import { ActivityFeed } from './ActivityFeed';
import { getRiskLimits, tradingKeys } from './api';
import { EquityChartPanel } from './EquityChartPanel';
import { HaltBanner } from './HaltBanner';
import { subscribeHub } from './hubBus';
import { HubStatusBadge } from './HubStatusBadge';
import { OpenOrdersPanel } from './OpenOrdersPanel';
import { RiskUsagePanel } from './RiskUsagePanel';
import { getAccount, getHalt, useLiveAccount } from './useAccountHubState';
import './trading.css';

export const accountQueryKey = ['trading', 'account'] as const;
export const haltQueryKey = ['trading', 'halt'] as const;

/** Risk re-reads its usage from the valuations; between them the page asks again at this pace. */
const RISK_REFRESH_MS = 5000;

/**
 * The trader's desk: headline figures, positions with live P&L, the equity and drawdown curve, how close each risk
 * limit is, halts with the resume flow, open orders and recent activity. Everything after the first read comes from
 * the account hub, so nothing needs a reload.
 */
export function DashboardPage() {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const accountQuery = useQuery({
    queryKey: accountQueryKey,
    queryFn: ({ signal }) => getAccount(api, signal),
    // Registration opens the portfolio asynchronously: a 404 right after sign-up means "not yet".
    retry: (count, error) => (isNotOpenedYet(error) ? count < 30 : count < 2),
    retryDelay: 1000,
  });
  const haltQuery = useQuery({ queryKey: haltQueryKey, queryFn: () => getHalt(api), retry: false });
  const limits = useQuery({
    queryKey: tradingKeys.riskLimits,
    queryFn: ({ signal }) => getRiskLimits(api, signal),
    refetchInterval: RISK_REFRESH_MS,
    // Read afresh on every visit: an order placed on the ticket moved these figures while nothing here listened.
    refetchOnMount: 'always',
  });
  const { account, halt, setHalt } = useLiveAccount(accountQuery.data, haltQuery.data);

  // Fills and halts change Risk's figures: ask it again rather than wait for the next poll.
  useEffect(
    () =>
      subscribeHub((name) => {
        if (name === 'orderFilled' || name === 'tradingHalted' || name === 'tradingResumed')
          void queryClient.invalidateQueries({ queryKey: tradingKeys.riskLimits });
        if (name === 'tradingHalted' || name === 'tradingResumed') void queryClient.invalidateQueries({ queryKey: haltQueryKey });
      }),
    [queryClient],
  );

  if (!account) {
    if (accountQuery.error) {
      return (
        <section className="panel panel--status">
          <h1>Your account could not be loaded</h1>
          <ErrorAlert error={accountQuery.error} />
          <button type="button" className="button" onClick={() => void accountQuery.refetch()}>
            Try again
          </button>
        </section>
      );
    }
    return (
      <section className="panel panel--status" role="status">
        <h1>Loading your account…</h1>
        <span className="spinner" aria-hidden="true" />
      </section>
    );
  }

  return (
    <div className="portfolio dashboard">
      <header className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p className="muted page-header__sub">
            {account.mode === 'live' ? 'Live' : 'Paper'} portfolio · {account.valuedAt ? `valued ${new Date(account.valuedAt).toLocaleTimeString()}` : 'not valued yet'}
          </p>
        </div>
        <div className="page-header__badges">
          <HubStatusBadge />
          <span className="badge badge--paper" title="Prices come from a seeded simulation, not a real market.">
            Simulated prices
          </span>
        </div>
      </header>

      <AccountSwitch />

      <HaltBanner
        halt={halt}
        onResumed={(state) => {
          setHalt(state);
          void queryClient.invalidateQueries({ queryKey: tradingKeys.riskLimits });
        }}
      />
      {haltQuery.error ? <ErrorAlert error={haltQuery.error} /> : null}

      <AccountMetrics account={account} />
      <div className="dashboard__grid">
        <EquityChartPanel account={account} />
        <div className="dashboard__side">
          <RiskUsagePanel limits={limits} />
          <ActivityFeed />
        </div>
      </div>
      <PositionsTable account={account} />
      <OpenOrdersPanel />
    </div>
  );
}

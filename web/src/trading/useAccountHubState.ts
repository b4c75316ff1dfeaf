import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { applyHaltMessage, applyQuotes } from './accountReducer';
import { subscribeHub } from './hubBus';
import type { Account, HaltState, Quote } from './types';

export function getAccount(api: ApiClient, signal?: AbortSignal): Promise<Account> {
  return api.request('GET', '/api/v1/portfolio', signal ? { signal } : {});
}

export function getHalt(api: ApiClient): Promise<HaltState> {
  return api.request('GET', '/api/v1/risk/halt');
}

export function resumeTrading(api: ApiClient, reason?: string): Promise<HaltState> {
  return api.request('POST', '/api/v1/risk/resume', { body: reason ? { reason } : {} });
}

/**
 * The account as last read, then kept current from the hub: a `portfolioUpdated` replaces it,
 * `quotes` re-mark the positions, halts and resumes update the banner.
 */
export function useLiveAccount(initial: Account | undefined, initialHalt: HaltState | undefined) {
  const [account, setAccount] = useState<Account | undefined>(initial);
  const [halt, setHalt] = useState<HaltState>(initialHalt ?? { halted: false, halts: [] });

  useEffect(() => setAccount(initial), [initial]);
  useEffect(() => {
    if (initialHalt) setHalt(initialHalt);
  }, [initialHalt]);

  useEffect(
    () =>
      subscribeHub((name, payload) => {
        if (name === 'portfolioUpdated') setAccount(payload as Account);
        else if (name === 'quotes' && Array.isArray(payload))
          setAccount((a) => (a ? applyQuotes(a, payload as Quote[]) : a));
        else if (name === 'tradingHalted' || name === 'tradingResumed')
          setHalt((h) => applyHaltMessage(h, name, payload));
      }),
    [],
  );

  return { account, halt, setHalt };
}

import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import type { TokenStore } from '../auth/tokenStore';
import { readClaims } from '../lib/jwt';
import { portfolioQueryKey } from '../portfolio/usePortfolio';
import { hubMessages, publishHubMessage } from '../trading/hubBus';
import { setHubState, type HubState } from './hubStatus';

export type { HubState };

/**
 * The hub sends the token only when it (re)connects, and nothing else refreshes it while the user
 * just watches the page; a reconnect after the 15-minute lifetime would otherwise be refused.
 */
export async function freshAccessToken(tokens: TokenStore, api: ApiClient, now = Date.now()): Promise<string> {
  const exp = readClaims(tokens.accessToken)?.exp;
  if (typeof exp === 'number' && exp * 1000 - now < 30_000) await api.refresh();
  return tokens.accessToken ?? '';
}

/**
 * Listens on /hubs/account for the signed-in user's updates and refreshes the affected queries.
 * Real-time is an enhancement: if the hub (or the SignalR bundle) is unavailable the app keeps
 * working on plain requests, so every failure here is swallowed and reported only as "offline".
 */
export function useAccountHub(tokens: TokenStore, api: ApiClient, enabled: boolean): HubState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<HubState>('connecting');

  useEffect(() => {
    if (!enabled) return;
    let disposed = false;
    let stop: (() => Promise<void>) | null = null;
    setState('connecting');

    void (async () => {
      try {
        // Loaded on demand so the sign-in pages do not carry the SignalR bundle.
        const signalR = await import('@microsoft/signalr');
        if (disposed) return;
        const connection = new signalR.HubConnectionBuilder()
          .withUrl('/hubs/account', {
            accessTokenFactory: () => freshAccessToken(tokens, api),
            transport: signalR.HttpTransportType.WebSockets,
          })
          .withAutomaticReconnect()
          .configureLogging(signalR.LogLevel.None)
          .build();
        connection.on('portfolioUpdated', (payload?: unknown) => {
          void queryClient.invalidateQueries({ queryKey: portfolioQueryKey });
          if (payload !== undefined) publishHubMessage('portfolioUpdated', payload);
        });
        // The trading views (dashboard, orders) fold the other messages in live.
        for (const name of hubMessages) {
          if (name === 'portfolioUpdated') continue;
          connection.on(name, (payload: unknown) => publishHubMessage(name, payload));
        }
        connection.onreconnecting(() => !disposed && setState('connecting'));
        connection.onreconnected(() => {
          if (disposed) return;
          setState('live');
          // Updates sent while disconnected were missed; read the current state once.
          void queryClient.invalidateQueries({ queryKey: portfolioQueryKey });
          void queryClient.invalidateQueries({ queryKey: ['trading'] });
        });
        connection.onclose(() => !disposed && setState('offline'));
        stop = () => connection.stop();
        await connection.start();
        if (disposed) {
          await connection.stop();
          return;
        }
        setState('live');
      } catch {
        if (!disposed) setState('offline');
      }
    })();

    return () => {
      disposed = true;
      void stop?.().catch(() => undefined);
    };
  }, [tokens, api, enabled, queryClient]);

  useEffect(() => setHubState(state), [state]);
  return state;
}

import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { TokenStore } from '../auth/tokenStore';
import { portfolioQueryKey } from '../portfolio/usePortfolio';

export type HubState = 'connecting' | 'live' | 'offline';

/**
 * Listens on /hubs/account for the signed-in user's updates and refreshes the affected queries.
 * Real-time is an enhancement: if the hub (or the SignalR bundle) is unavailable the app keeps
 * working on plain requests, so every failure here is swallowed and reported only as "offline".
 */
export function useAccountHub(tokens: TokenStore, enabled: boolean): HubState {
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
            accessTokenFactory: () => tokens.accessToken ?? '',
            transport: signalR.HttpTransportType.WebSockets,
          })
          .withAutomaticReconnect()
          .configureLogging(signalR.LogLevel.None)
          .build();
        connection.on('portfolioUpdated', () => {
          void queryClient.invalidateQueries({ queryKey: portfolioQueryKey });
        });
        connection.onreconnecting(() => !disposed && setState('connecting'));
        connection.onreconnected(() => {
          if (disposed) return;
          setState('live');
          // Updates sent while disconnected were missed; read the current state once.
          void queryClient.invalidateQueries({ queryKey: portfolioQueryKey });
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
  }, [tokens, enabled, queryClient]);

  return state;
}

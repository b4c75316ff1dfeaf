import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import type { TokenStore } from './tokenStore';
import { readClaims } from '../lib/jwt';

export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';

export interface AuthContextValue {
  status: SessionStatus;
  email: string | null;
  /** The token's role (`subscriber`, `admin`, `partner`), for what the UI offers; the services decide access. */
  role: string | null;
  api: ApiClient;
  login(email: string, password: string): Promise<void>;
  register(email: string, displayName: string, password: string): Promise<void>;
  logout(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider(props: { api: ApiClient; tokens: TokenStore; children: ReactNode }) {
  const { api, tokens } = props;
  const queryClient = useQueryClient();
  const accessToken = useSyncExternalStore(
    (listener) => tokens.subscribe(listener),
    () => tokens.accessToken,
  );
  // After a reload only the refresh token survives (see tokenStore.ts); trade it for a new pair once.
  const [restoring, setRestoring] = useState(() => !tokens.accessToken && !!tokens.refreshToken);

  useEffect(() => {
    if (!restoring) return;
    let active = true;
    void api.refresh().then((ok) => {
      if (!ok) tokens.clear();
      if (active) setRestoring(false);
    });
    return () => {
      active = false;
    };
  }, [api, tokens, restoring]);

  useEffect(() => {
    // A session that ends (logout, or a refresh that failed) must not leave another user's data cached.
    if (!accessToken && !restoring) queryClient.clear();
  }, [accessToken, restoring, queryClient]);

  const login = useCallback(
    async (email: string, password: string) => {
      await api.login({ email, password });
    },
    [api],
  );

  const register = useCallback(
    async (email: string, displayName: string, password: string) => {
      await api.register({ email, displayName, password });
      await api.login({ email, password });
    },
    [api],
  );

  // Signed out here at once; the server is told in the background, and nothing waits on it.
  const logout = useCallback(() => void api.logout(), [api]);

  const value = useMemo<AuthContextValue>(() => {
    const status: SessionStatus = accessToken
      ? 'authenticated'
      : restoring
        ? 'restoring'
        : 'anonymous';
    const claims = readClaims(accessToken);
    return {
      status,
      email: claims?.email ?? null,
      role: claims?.role ?? null,
      api,
      login,
      register,
      logout,
    };
  }, [accessToken, restoring, api, login, register, logout]);

  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>.');
  return value;
}

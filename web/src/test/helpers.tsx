import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import { ApiClient } from '../api/client';
import { AuthProvider } from '../auth/AuthContext';
import { TokenStore } from '../auth/tokenStore';

/** An unsigned token with the given claims; the browser only ever reads claims for display. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'ES256', typ: 'JWT', kid: 'test' })}.${encode(claims)}.signature`;
}

export function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

export function problem(status: number, body: Record<string, unknown>): Response {
  return json(status, { status, ...body }, 'application/problem+json');
}

export interface RecordedCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: RecordedCall) => Response | Promise<Response>;

/** A fetch stand-in for unit tests: answers by "METHOD /path" and records every call. */
export function fakeFetch(routes: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: RecordedCall = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers: { ...(init?.headers as Record<string, string> | undefined) },
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const handler = routes[`${call.method} ${call.url}`];
    if (!handler) return problem(404, { title: `No fake route for ${call.method} ${call.url}` });
    return handler(call);
  });
  return { fetch: fetchFn as unknown as typeof fetch, calls };
}

function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname}</div>;
}

export function renderApp(
  element: ReactElement,
  options: { fetch: typeof fetch; path: string; route?: string; signedInAs?: string; role?: string },
) {
  const tokens = new TokenStore(sessionStorage);
  if (options.signedInAs) {
    tokens.set({ accessToken: fakeJwt({ sub: 'u1', email: options.signedInAs, ...(options.role ? { role: options.role } : {}) }), refreshToken: 'r1' });
  }
  const api = new ApiClient({ tokens, fetch: options.fetch });
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[options.path]}>
        <AuthProvider api={api} tokens={tokens}>
          <Routes>
            <Route path={options.route ?? options.path} element={element} />
            <Route path="*" element={null} />
          </Routes>
          <LocationProbe />
        </AuthProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, tokens, api, queryClient };
}

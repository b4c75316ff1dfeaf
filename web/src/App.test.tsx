import { expect, test, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, useLocation } from 'react-router';
import { App } from './App';
import { ApiClient } from './api/client';
import { AuthProvider } from './auth/AuthContext';
import { TokenStore } from './auth/tokenStore';
import { fakeFetch, fakeJwt, json, problem } from './test/helpers';

// A stand-in for the SignalR client: records handlers so a test can push `portfolioUpdated`.
const hub = vi.hoisted(() => ({
  handlers: new Map<string, () => void>(),
  startFails: false,
}));

vi.mock('@microsoft/signalr', () => {
  class HubConnectionBuilder {
    withUrl() {
      return this;
    }
    withAutomaticReconnect() {
      return this;
    }
    configureLogging() {
      return this;
    }
    build() {
      return {
        on: (name: string, handler: () => void) => hub.handlers.set(name, handler),
        onreconnecting: () => undefined,
        onreconnected: () => undefined,
        onclose: () => undefined,
        start: () => (hub.startFails ? Promise.reject(new Error('negotiate 404')) : Promise.resolve()),
        stop: () => Promise.resolve(),
      };
    }
  }
  return { HubConnectionBuilder, HttpTransportType: { WebSockets: 1 }, LogLevel: { None: 6 } };
});

const portfolio = (cash: number) => ({
  portfolioId: 'p1',
  userId: 'u1',
  mode: 'paper',
  currency: 'USD',
  cash,
  equity: cash,
  positions: [],
  openedAt: '2026-11-21T07:00:00Z',
});

function Location() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

function renderWholeApp(fetch: typeof globalThis.fetch, path: string, tokens = new TokenStore(sessionStorage)) {
  const api = new ApiClient({ tokens, fetch });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <AuthProvider api={api} tokens={tokens}>
          <App tokens={tokens} />
          <Location />
        </AuthProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return tokens;
}

const location = () => screen.getByTestId('location').textContent;

test('an anonymous visitor is sent to the sign-in page', async () => {
  const { fetch, calls } = fakeFetch({});
  renderWholeApp(fetch, '/portfolio');

  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  expect(location()).toBe('/login');
  expect(calls).toHaveLength(0);
});

test('a reset link opens its public page for an anonymous visitor, without a detour to sign-in', async () => {
  const { fetch, calls } = fakeFetch({});
  renderWholeApp(fetch, '/reset-password#tok');

  expect(await screen.findByRole('heading', { name: 'Set a new password' })).toBeTruthy();
  expect(location()).toBe('/reset-password');
  expect(calls).toHaveLength(0);
});

test('after a reload the refresh token in sessionStorage restores the session', async () => {
  hub.startFails = true;
  sessionStorage.setItem('tradenova.refreshToken', 'stored-refresh');
  const { fetch, calls } = fakeFetch({
    'POST /api/v1/identity/refresh': () =>
      json(200, {
        accessToken: fakeJwt({ sub: 'u1', email: 'ada@example.test' }),
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshToken: 'rotated-refresh',
      }),
    'GET /api/v1/portfolio': () => json(200, portfolio(10000)),
  });
  renderWholeApp(fetch, '/portfolio');

  expect(await screen.findByText('ada@example.test')).toBeTruthy();
  expect(location()).toBe('/portfolio');
  expect(calls[0]?.body).toEqual({ refreshToken: 'stored-refresh' });
  expect(sessionStorage.getItem('tradenova.refreshToken')).toBe('rotated-refresh');
  // The hub failing to start leaves the page working, marked as not live.
  expect(await screen.findByText('Not real-time')).toBeTruthy();
  expect((await screen.findByText('Cash balance')).nextElementSibling?.textContent).toBe('$10,000.00');
});

test('a revoked refresh token on reload ends at the sign-in page', async () => {
  sessionStorage.setItem('tradenova.refreshToken', 'revoked');
  const { fetch } = fakeFetch({
    'POST /api/v1/identity/refresh': () => problem(401, { title: 'Unauthorized' }),
  });
  const tokens = renderWholeApp(fetch, '/portfolio');

  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  expect(tokens.refreshToken).toBeNull();
});

test('a portfolioUpdated push refetches the portfolio', async () => {
  hub.startFails = false;
  let cash = 10000;
  const { fetch } = fakeFetch({ 'GET /api/v1/portfolio': () => json(200, portfolio(cash)) });
  const tokens = new TokenStore(sessionStorage);
  tokens.set({ accessToken: fakeJwt({ sub: 'u1', email: 'ada@example.test' }), refreshToken: 'r1' });
  renderWholeApp(fetch, '/portfolio', tokens);

  expect((await screen.findByText('Cash balance')).nextElementSibling?.textContent).toBe('$10,000.00');
  expect(await screen.findByText('Real-time')).toBeTruthy();

  cash = 8499.5;
  hub.handlers.get('portfolioUpdated')?.();
  await waitFor(() =>
    expect(screen.getByText('Cash balance').nextElementSibling?.textContent).toBe('$8,499.50'),
  );
});

test('logging out forgets the tokens, ends the session on the server and returns to sign-in', async () => {
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/portfolio': () => json(200, portfolio(10000)),
    'POST /api/v1/identity/logout': () => new Response(null, { status: 204 }),
  });
  const tokens = new TokenStore(sessionStorage);
  tokens.set({ accessToken: fakeJwt({ sub: 'u1', email: 'ada@example.test' }), refreshToken: 'r1' });
  renderWholeApp(fetch, '/portfolio', tokens);

  await userEvent.setup().click(await screen.findByRole('button', { name: 'Log out' }));

  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  expect(screen.queryByText(/signed out on every device/)).toBeNull();
  expect(tokens.accessToken).toBeNull();
  expect(sessionStorage.getItem('tradenova.refreshToken')).toBeNull();
  expect(calls.find((c) => c.url === '/api/v1/identity/logout')?.body).toEqual({ refreshToken: 'r1' });
});

test('the email in the top bar opens Account & security, and signing out everywhere there ends at sign-in', async () => {
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/portfolio': () => json(200, portfolio(10000)),
    'DELETE /api/v1/identity/sessions': () => new Response(null, { status: 204 }),
  });
  const tokens = new TokenStore(sessionStorage);
  tokens.set({ accessToken: fakeJwt({ sub: 'u1', email: 'ada@example.test' }), refreshToken: 'r1' });
  renderWholeApp(fetch, '/portfolio', tokens);
  const user = userEvent.setup();

  const email = await screen.findByTestId('user-email');
  expect(email.getAttribute('title')).toBe('ada@example.test');
  await user.click(email);
  expect(await screen.findByRole('heading', { name: 'Account & security' })).toBeTruthy();
  expect(location()).toBe('/account');

  await user.click(screen.getByRole('button', { name: 'Sign out everywhere…' }));
  await user.click(screen.getByRole('button', { name: 'Yes, sign out everywhere' }));

  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  expect(location()).toBe('/login');
  expect(screen.getByRole('status').textContent).toBe('You have been signed out on every device. Sign in again to continue.');
  expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/v1/identity/sessions')).toBe(true);
  expect(tokens.refreshToken).toBeNull();
});

import { expect, test, vi } from 'vitest';
import { ApiClient } from './client';
import { ApiError } from './problem';
import { TokenStore } from '../auth/tokenStore';
import { fakeFetch, json, problem } from '../test/helpers';
import { portfolio, signedIn } from './clientTestFixtures';

test('requests use relative gateway URLs and send the bearer token', async () => {
  const { fetch, calls } = fakeFetch({ 'GET /api/v1/portfolio': () => json(200, portfolio) });
  const api = new ApiClient({ tokens: signedIn(), fetch });

  await expect(api.getPortfolio()).resolves.toEqual(portfolio);
  expect(calls[0]?.url).toBe('/api/v1/portfolio');
  expect(calls[0]?.headers.Authorization).toBe('Bearer old-access');
});

test('login stores the access token in memory and the refresh token in sessionStorage', async () => {
  const { fetch, calls } = fakeFetch({
    'POST /api/v1/identity/login': () =>
      json(200, { accessToken: 'a1', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r1' }),
  });
  const tokens = new TokenStore(sessionStorage);
  const api = new ApiClient({ tokens, fetch });

  await api.login({ email: 'a@example.test', password: 'correct horse' });

  expect(calls[0]?.headers.Authorization).toBeUndefined();
  expect(tokens.accessToken).toBe('a1');
  expect(sessionStorage.getItem('tradenova.refreshToken')).toBe('r1');
  expect(Object.values({ ...sessionStorage })).not.toContain('a1');
});

test('a 401 is recovered once with the refresh token and the request is retried', async () => {
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/portfolio': (call) =>
      call.headers.Authorization === 'Bearer new-access'
        ? json(200, portfolio)
        : problem(401, { title: 'Unauthorized' }),
    'POST /api/v1/identity/refresh': () =>
      json(200, { accessToken: 'new-access', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'new-refresh' }),
  });
  const tokens = signedIn();
  const api = new ApiClient({ tokens, fetch });

  await expect(api.getPortfolio()).resolves.toEqual(portfolio);
  expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
    'GET /api/v1/portfolio',
    'POST /api/v1/identity/refresh',
    'GET /api/v1/portfolio',
  ]);
  expect(calls[1]?.body).toEqual({ refreshToken: 'old-refresh' });
  expect(tokens.accessToken).toBe('new-access');
  expect(tokens.refreshToken).toBe('new-refresh');
});

test('concurrent 401s share one refresh so a rotating refresh token is used only once', async () => {
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/portfolio': (call) =>
      call.headers.Authorization === 'Bearer new-access' ? json(200, portfolio) : problem(401, {}),
    'POST /api/v1/identity/refresh': () =>
      json(200, { accessToken: 'new-access', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r2' }),
  });
  const api = new ApiClient({ tokens: signedIn(), fetch });

  await Promise.all([api.getPortfolio(), api.getPortfolio()]);
  expect(calls.filter((c) => c.url === '/api/v1/identity/refresh')).toHaveLength(1);
});

test('when the refresh fails the session is cleared and the caller is told to sign in', async () => {
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/portfolio': () => problem(401, { title: 'Unauthorized' }),
    'POST /api/v1/identity/refresh': () => problem(401, { title: 'Refresh token revoked' }),
  });
  const tokens = signedIn();
  const onSessionExpired = vi.fn();
  const api = new ApiClient({ tokens, fetch, onSessionExpired });

  const error = await api.getPortfolio().catch((e: unknown) => e);

  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(401);
  expect(onSessionExpired).toHaveBeenCalledOnce();
  expect(tokens.accessToken).toBeNull();
  expect(tokens.refreshToken).toBeNull();
  expect(calls).toHaveLength(2);
});

test('a second 401 after a successful refresh does not loop', async () => {
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/portfolio': () => problem(401, {}),
    'POST /api/v1/identity/refresh': () =>
      json(200, { accessToken: 'a2', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r2' }),
  });
  const onSessionExpired = vi.fn();
  const api = new ApiClient({ tokens: signedIn(), fetch, onSessionExpired });

  await expect(api.getPortfolio()).rejects.toMatchObject({ status: 401 });
  expect(calls).toHaveLength(3);
  expect(onSessionExpired).toHaveBeenCalledOnce();
});

test('a wrong password on login is reported, not refreshed', async () => {
  const { fetch, calls } = fakeFetch({
    'POST /api/v1/identity/login': () =>
      problem(401, { title: 'Unauthorized', detail: 'Email or password is incorrect.' }),
  });
  const api = new ApiClient({ tokens: new TokenStore(sessionStorage), fetch });

  await expect(api.login({ email: 'a@example.test', password: 'wrong password' })).rejects.toThrow(
    'Email or password is incorrect.',
  );
  expect(calls).toHaveLength(1);
});

test('a network failure becomes a readable error', async () => {
  const fetch = vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  }) as unknown as typeof globalThis.fetch;
  const api = new ApiClient({ tokens: signedIn(), fetch });

  await expect(api.getPortfolio()).rejects.toMatchObject({
    status: 0,
    message: 'Cannot reach TradeNova. Check your connection and try again.',
  });
});

test('download sends the bearer token and returns the file with the server name', async () => {
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/portfolio/trades.csv?side=buy': () =>
      new Response('FillId,Symbol\n1,AAPL\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename=trades.csv; filename*=UTF-8\'\'trades.csv' },
      }),
  });
  const api = new ApiClient({ tokens: signedIn(), fetch });

  const file = await api.download('/api/v1/portfolio/trades.csv?side=buy', 'fallback.csv');
  expect(file.fileName).toBe('trades.csv');
  expect(await file.blob.text()).toContain('AAPL');
  expect(calls[0]?.headers.Authorization).toBe('Bearer old-access');
});

test('download throws the ProblemDetails of a refused export', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/portfolio/trades.csv': () => problem(400, { title: 'Invalid', errors: { from: ["Must not be after 'to'."] } }),
  });
  const api = new ApiClient({ tokens: signedIn(), fetch });
  await expect(api.download('/api/v1/portfolio/trades.csv', 'x.csv')).rejects.toMatchObject({
    status: 400,
    fieldErrors: { from: ["Must not be after 'to'."] },
  });
});

import { expect, test } from 'vitest';
import { ApiClient } from '../api/client';
import { TokenStore } from '../auth/tokenStore';
import { fakeFetch, fakeJwt, json } from '../test/helpers';
import { freshAccessToken } from './useAccountHub';

const now = Date.UTC(2026, 10, 21, 8, 0, 0);

function setup(expiresInSeconds: number) {
  const { fetch, calls } = fakeFetch({
    'POST /api/v1/identity/refresh': () =>
      json(200, { accessToken: 'renewed', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r2' }),
  });
  const tokens = new TokenStore(sessionStorage);
  const current = fakeJwt({ sub: 'u1', exp: now / 1000 + expiresInSeconds });
  tokens.set({ accessToken: current, refreshToken: 'r1' });
  return { tokens, api: new ApiClient({ tokens, fetch }), calls, current };
}

test('the hub reuses an access token that is still valid for a while', async () => {
  const { tokens, api, calls, current } = setup(600);
  await expect(freshAccessToken(tokens, api, now)).resolves.toBe(current);
  expect(calls).toHaveLength(0);
});

test('the hub refreshes a token about to expire before reconnecting', async () => {
  const { tokens, api, calls } = setup(10);
  await expect(freshAccessToken(tokens, api, now)).resolves.toBe('renewed');
  expect(calls.map((c) => c.url)).toEqual(['/api/v1/identity/refresh']);
});

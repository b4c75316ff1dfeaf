import { expect, test, vi } from 'vitest';
import { ApiClient } from './client';
import { ApiError } from './problem';
import { TokenStore } from '../auth/tokenStore';
import { fakeFetch, json, problem } from '../test/helpers';
import { portfolio, signedIn } from './clientTestFixtures';

// The session's life on the client: logging out, changing or resetting the password, ending every session, and refreshes that
// come back after one of those.

test('logout forgets the tokens at once and then ends the session on the server', async () => {
  let answer: (response: Response) => void = () => undefined;
  const { fetch, calls } = fakeFetch({
    'POST /api/v1/identity/logout': () => new Promise<Response>((resolve) => (answer = resolve)),
  });
  const tokens = signedIn();
  const api = new ApiClient({ tokens, fetch });

  const done = api.logout();

  // Signed out before the server has answered.
  expect(tokens.accessToken).toBeNull();
  expect(tokens.refreshToken).toBeNull();
  expect(calls[0]?.body).toEqual({ refreshToken: 'old-refresh' });
  expect(calls[0]?.headers.Authorization).toBeUndefined();
  answer(new Response(null, { status: 204 }));
  await done;
});

test('logout signs out locally when the server cannot be reached or refuses', async () => {
  const offline = vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  }) as unknown as typeof globalThis.fetch;
  const first = signedIn();
  await expect(new ApiClient({ tokens: first, fetch: offline }).logout()).resolves.toBeUndefined();
  expect(first.refreshToken).toBeNull();

  const { fetch } = fakeFetch({ 'POST /api/v1/identity/logout': () => problem(500, { title: 'Boom' }) });
  const second = signedIn();
  await expect(new ApiClient({ tokens: second, fetch }).logout()).resolves.toBeUndefined();
  expect(second.accessToken).toBeNull();
});

test('logout without a stored refresh token has nothing to tell the server', async () => {
  const { fetch, calls } = fakeFetch({});
  await new ApiClient({ tokens: new TokenStore(sessionStorage), fetch }).logout();
  expect(calls).toHaveLength(0);
});

test('changePassword sends both passwords with the bearer token and keeps the new pair', async () => {
  const { fetch, calls } = fakeFetch({
    'POST /api/v1/identity/password': () =>
      json(200, { accessToken: 'a2', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r2' }),
  });
  const tokens = signedIn();
  const api = new ApiClient({ tokens, fetch });

  await api.changePassword({ currentPassword: 'old horse battery', newPassword: 'new staple battery' });

  expect(calls[0]?.body).toEqual({ currentPassword: 'old horse battery', newPassword: 'new staple battery' });
  expect(calls[0]?.headers.Authorization).toBe('Bearer old-access');
  expect(tokens.accessToken).toBe('a2');
  expect(sessionStorage.getItem('tradenova.refreshToken')).toBe('r2');
});

test('a refused password change reports the field and keeps the current tokens', async () => {
  const { fetch } = fakeFetch({
    'POST /api/v1/identity/password': () =>
      problem(400, { title: 'One or more validation errors occurred.', errors: { CurrentPassword: ['The current password is incorrect.'] } }),
  });
  const tokens = signedIn();
  const api = new ApiClient({ tokens, fetch });

  await expect(api.changePassword({ currentPassword: 'wrong', newPassword: 'new staple battery' })).rejects.toMatchObject({
    status: 400,
    fieldErrors: { currentPassword: ['The current password is incorrect.'] },
  });
  expect(tokens.accessToken).toBe('old-access');
  expect(tokens.refreshToken).toBe('old-refresh');
});

test('endAllSessions ends every session on the server and then forgets the tokens', async () => {
  const { fetch, calls } = fakeFetch({ 'DELETE /api/v1/identity/sessions': () => new Response(null, { status: 204 }) });
  const tokens = signedIn();

  await new ApiClient({ tokens, fetch }).endAllSessions();

  expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['DELETE /api/v1/identity/sessions']);
  expect(calls[0]?.headers.Authorization).toBe('Bearer old-access');
  expect(tokens.accessToken).toBeNull();
  expect(tokens.refreshToken).toBeNull();
});

test('when endAllSessions fails the user stays signed in here to try again', async () => {
  const { fetch } = fakeFetch({ 'DELETE /api/v1/identity/sessions': () => problem(503, { title: 'Service Unavailable' }) });
  const tokens = signedIn();

  await expect(new ApiClient({ tokens, fetch }).endAllSessions()).rejects.toMatchObject({ status: 503 });
  expect(tokens.accessToken).toBe('old-access');
});

test('a refresh answered after logging out does not sign the user back in', async () => {
  let answer: ((response: Response) => void) | undefined;
  const { fetch } = fakeFetch({
    'GET /api/v1/portfolio': (call) => (call.headers.Authorization === 'Bearer late-access' ? json(200, portfolio) : problem(401, {})),
    'POST /api/v1/identity/refresh': () => new Promise<Response>((resolve) => (answer = resolve)),
    'POST /api/v1/identity/logout': () => new Response(null, { status: 204 }),
  });
  const tokens = signedIn();
  const api = new ApiClient({ tokens, fetch });

  const request = api.getPortfolio().catch((e: unknown) => e);
  await vi.waitFor(() => expect(answer).toBeDefined());
  await api.logout();
  answer!(json(200, { accessToken: 'late-access', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'late-refresh' }));

  expect(await request).toBeInstanceOf(ApiError);
  expect(tokens.accessToken).toBeNull();
  expect(tokens.refreshToken).toBeNull();
});

test('a refresh refused after a password change keeps the new pair', async () => {
  let answer: ((response: Response) => void) | undefined;
  const onSessionExpired = vi.fn();
  const { fetch } = fakeFetch({
    'GET /api/v1/portfolio': (call) => (call.headers.Authorization === 'Bearer changed-access' ? json(200, portfolio) : problem(401, {})),
    'POST /api/v1/identity/refresh': () => new Promise<Response>((resolve) => (answer = resolve)),
    'POST /api/v1/identity/password': () =>
      json(200, { accessToken: 'changed-access', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'changed-refresh' }),
  });
  const tokens = signedIn();
  const api = new ApiClient({ tokens, fetch, onSessionExpired });

  const request = api.getPortfolio();
  await vi.waitFor(() => expect(answer).toBeDefined());
  await api.changePassword({ currentPassword: 'Old-password-1', newPassword: 'New-password-2' });
  // The old refresh token was revoked by the change, so Identity refuses it.
  answer!(problem(401, { title: 'The refresh token is not valid.' }));

  await expect(request).resolves.toEqual(portfolio);
  expect(onSessionExpired).not.toHaveBeenCalled();
  expect(tokens.refreshToken).toBe('changed-refresh');
});

test('resetPassword sends the token and the new password without a bearer, and leaves this browser signed in', async () => {
  const { fetch, calls } = fakeFetch({ 'POST /api/v1/identity/password/reset': () => new Response(null, { status: 204 }) });
  const tokens = signedIn();

  await new ApiClient({ tokens, fetch }).resetPassword({ token: 'reset-token', newPassword: 'new horse stable 42' });

  expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/identity/password/reset']);
  expect(calls[0]?.body).toEqual({ token: 'reset-token', newPassword: 'new horse stable 42' });
  expect(calls[0]?.headers.Authorization).toBeUndefined();
  // The link may be for another user than the one signed in here; their session is not this request's to end.
  expect(tokens.accessToken).toBe('old-access');
});

test('a dead reset link is refused with the token field and no refresh is tried', async () => {
  const { fetch, calls } = fakeFetch({
    'POST /api/v1/identity/password/reset': () =>
      problem(400, { title: 'One or more validation errors occurred.', errors: { Token: ['This reset link is not valid.'] } }),
  });

  await expect(
    new ApiClient({ tokens: new TokenStore(sessionStorage), fetch }).resetPassword({ token: 'used', newPassword: 'new horse stable 42' }),
  ).rejects.toMatchObject({ status: 400, fieldErrors: { token: ['This reset link is not valid.'] } });
  expect(calls).toHaveLength(1);
});

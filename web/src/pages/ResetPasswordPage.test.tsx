import { expect, test } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResetPasswordPage } from './ResetPasswordPage';
import { fakeFetch, problem, renderApp } from '../test/helpers';

const RESET = 'POST /api/v1/identity/password/reset';
const GOOD = 'new horse stable 42';
const DEAD = 'This reset link is not valid: it was used, replaced or has expired. Ask support for a new one.';

function renderReset(hash: string, routes: Parameters<typeof fakeFetch>[0] = {}, signedInAs?: string) {
  const fake = fakeFetch(routes);
  const rendered = renderApp(<ResetPasswordPage />, {
    fetch: fake.fetch,
    path: `/reset-password${hash}`,
    route: '/reset-password',
    ...(signedInAs ? { signedInAs } : {}),
  });
  return { ...fake, ...rendered, user: userEvent.setup() };
}

async function fill(user: ReturnType<typeof userEvent.setup>, next: string, confirm = next) {
  await user.type(screen.getByLabelText('New password'), next);
  await user.type(screen.getByLabelText('Confirm new password'), confirm);
  await user.click(screen.getByRole('button', { name: 'Set password' }));
}

const errorUnder = (label: string) => {
  const ids = screen.getByLabelText(label).getAttribute('aria-describedby') ?? '';
  return document.getElementById(ids.split(' ').find((id) => id.endsWith('-error')) ?? '')?.textContent;
};

test('the token from the link’s fragment is sent with the new password, and the page says every session has ended', async () => {
  const { calls, user } = renderReset('#tok-123_abc', { [RESET]: () => new Response(null, { status: 204 }) });

  await fill(user, GOOD);

  const done = await screen.findByRole('status');
  expect(done.textContent).toMatch(/^Your password is set\. Every session of your account has ended\./);
  expect(done.querySelector('a')?.getAttribute('href')).toBe('/login');
  expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([RESET]);
  expect(calls[0]?.body).toEqual({ token: 'tok-123_abc', newPassword: GOOD });
  expect(calls[0]?.headers.Authorization).toBeUndefined();
  expect(screen.queryByLabelText('New password')).toBeNull();
});

test('a signed-in visitor stays on the page, and the reset goes without their bearer', async () => {
  const { calls, user, tokens } = renderReset('#tok', { [RESET]: () => new Response(null, { status: 204 }) }, 'ops@example.test');

  await fill(user, GOOD);

  await screen.findByText(/Your password is set/);
  expect(screen.getByTestId('location').textContent).toBe('/reset-password');
  expect(calls[0]?.headers.Authorization).toBeUndefined();
  expect(tokens.refreshToken).toBe('r1');
});

test('a dead link is said at the top and the form goes, so it cannot be tried again', async () => {
  const { calls, user } = renderReset('#used', {
    [RESET]: () => problem(400, { title: 'One or more validation errors occurred.', errors: { token: [DEAD] } }),
  });

  await fill(user, GOOD);

  expect((await screen.findByRole('alert')).textContent).toBe(DEAD);
  expect(screen.queryByRole('button', { name: 'Set password' })).toBeNull();
  expect(screen.queryByLabelText('New password')).toBeNull();
  expect(calls).toHaveLength(1);
});

test('Identity’s password rule is shown under the new password, and the link can still be used', async () => {
  const { calls, user } = renderReset('#tok', {
    [RESET]: () =>
      problem(400, { title: 'One or more validation errors occurred.', errors: { NewPassword: ['This password was found in a breach.'] } }),
  });

  await fill(user, GOOD);

  await waitFor(() => expect(errorUnder('New password')).toBe('This password was found in a breach.'));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.getByRole('button', { name: 'Set password' })).toBeTruthy();
  expect(calls).toHaveLength(1);
});

test('too many attempts are explained by the server’s problem', async () => {
  const { user } = renderReset('#tok', {
    [RESET]: () => problem(429, { title: 'Too many requests.', detail: 'Wait a minute before trying again.' }),
  });

  await fill(user, GOOD);

  expect((await screen.findByRole('alert')).textContent).toBe('Wait a minute before trying again.');
  expect(screen.getByRole('button', { name: 'Set password' })).toBeTruthy();
});

test('a link without its token says so and offers no form', () => {
  const { calls } = renderReset('');

  expect(screen.getByRole('alert').textContent).toBe(
    'This reset link is incomplete: part of it is missing. Ask support for a new one.',
  );
  expect(screen.queryByLabelText('New password')).toBeNull();
  expect(calls).toHaveLength(0);
});

test('a password that breaks a rule, or a confirmation that differs, is explained and nothing is sent', async () => {
  const { calls, user } = renderReset('#tok');

  await fill(user, 'short', 'short');
  expect(errorUnder('New password')).toBe('Use at least 10 characters.');
  expect(screen.getByText(/Too weak/)).toBeTruthy();

  await user.clear(screen.getByLabelText('New password'));
  await user.type(screen.getByLabelText('New password'), GOOD);
  // Fixed as typed, before the next submit.
  expect(errorUnder('New password')).toBeUndefined();
  await user.clear(screen.getByLabelText('Confirm new password'));
  await user.type(screen.getByLabelText('Confirm new password'), 'new horse stable 24');
  await user.click(screen.getByRole('button', { name: 'Set password' }));

  expect(errorUnder('Confirm new password')).toBe('The two new passwords do not match.');
  expect(calls).toHaveLength(0);
});

test('the token leaves the address bar once the page has read it, and the form still sends it', async () => {
  window.history.replaceState(null, '', '/reset-password#tok-in-url');
  const { calls, user } = renderReset('#tok-in-url', { [RESET]: () => new Response(null, { status: 204 }) });

  await waitFor(() => expect(window.location.hash).toBe(''));
  expect(window.location.pathname).toBe('/reset-password');
  await fill(user, GOOD);
  expect(calls[0]?.body).toEqual({ token: 'tok-in-url', newPassword: GOOD });
});


import { expect, test } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AccountPage } from './AccountPage';
import { fakeFetch, fakeJwt, json, problem, renderApp } from '../test/helpers';

const email = 'ada@example.test';
const newPair = { accessToken: fakeJwt({ sub: 'u1', email }), tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r2' };

const LIST_SESSIONS = 'GET /api/v1/identity/sessions';

/** The page with no other session; `sent()` gives the requests it sent beyond listing the sessions. */
function renderAccount(routes: Parameters<typeof fakeFetch>[0]) {
  const { fetch, calls } = fakeFetch({ [LIST_SESSIONS]: () => json(200, []), ...routes });
  const rendered = renderApp(<AccountPage />, { fetch, path: '/account', signedInAs: email });
  const sent = () => calls.filter((c) => `${c.method} ${c.url}` !== LIST_SESSIONS);
  return { ...rendered, sent, user: userEvent.setup() };
}

async function fill(
  user: ReturnType<typeof userEvent.setup>,
  values: { current: string; next: string; confirm: string },
) {
  await user.type(screen.getByLabelText('Current password'), values.current);
  await user.type(screen.getByLabelText('New password'), values.next);
  await user.type(screen.getByLabelText('Confirm new password'), values.confirm);
}

const changeButton = () => screen.getByRole('button', { name: 'Change password' });
const errorUnder = (label: string) => {
  const id = screen.getByLabelText(label).getAttribute('aria-describedby') ?? '';
  return document.getElementById(id.split(' ').find((part) => part.endsWith('-error')) ?? '')?.textContent;
};

test('changing the password sends both passwords, keeps the new pair and empties the form', async () => {
  const { sent, tokens, user } = renderAccount({ 'POST /api/v1/identity/password': () => json(200, newPair) });

  await fill(user, { current: 'old staple battery', next: 'new horse stable 42', confirm: 'new horse stable 42' });
  await user.click(changeButton());

  expect((await screen.findByTestId('password-changed')).textContent).toBe(
    'Password changed. Other devices have been signed out.',
  );
  expect(sent().map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/identity/password']);
  expect(sent()[0]?.body).toEqual({ currentPassword: 'old staple battery', newPassword: 'new horse stable 42' });
  expect(tokens.accessToken).toBe(newPair.accessToken);
  expect(sessionStorage.getItem('tradenova.refreshToken')).toBe('r2');
  for (const label of ['Current password', 'New password', 'Confirm new password'])
    expect((screen.getByLabelText(label) as HTMLInputElement).value).toBe('');
  expect(screen.getByTestId('location').textContent).toBe('/account');
});

test('a wrong current password from the server is shown under that field, not as a generic alert', async () => {
  const { tokens, user } = renderAccount({
    'POST /api/v1/identity/password': () =>
      problem(400, {
        title: 'One or more validation errors occurred.',
        errors: { currentPassword: ['The current password is incorrect.'] },
      }),
  });

  await fill(user, { current: 'not my password', next: 'new horse stable 42', confirm: 'new horse stable 42' });
  await user.click(changeButton());

  await waitFor(() => expect(errorUnder('Current password')).toBe('The current password is incorrect.'));
  expect(screen.getByLabelText('Current password').getAttribute('aria-invalid')).toBe('true');
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.queryByTestId('password-changed')).toBeNull();
  expect(tokens.refreshToken).toBe('r1');

  // Typing a different current password takes the server's message away.
  await user.type(screen.getByLabelText('Current password'), '!');
  expect(errorUnder('Current password')).toBeUndefined();
});

test('a confirmation that does not match is explained and nothing is sent', async () => {
  const { sent, user } = renderAccount({});

  await fill(user, { current: 'old staple battery', next: 'new horse stable 42', confirm: 'new horse stable 24' });
  await user.click(changeButton());

  expect(errorUnder('Confirm new password')).toBe('The two new passwords do not match.');
  expect(sent()).toHaveLength(0);
});

test('a new password equal to the current one is refused before sending', async () => {
  const { sent, user } = renderAccount({});

  await fill(user, { current: 'old staple battery', next: 'old staple battery', confirm: 'old staple battery' });
  await user.click(changeButton());

  expect(errorUnder('New password')).toBe('Choose a password different from the current one.');
  expect(sent()).toHaveLength(0);
});

test("the new password's rules show as it is typed, with the account's email", async () => {
  const { user } = renderAccount({});

  await user.type(screen.getByLabelText('New password'), 'ada-trades-a-lot');
  expect(screen.getByText(/Don't use your email address in the password\./)).toBeTruthy();
  expect(screen.getByLabelText('Password strength').getAttribute('value')).toBe('0');
});

test('too many wrong current passwords shows the throttling detail', async () => {
  const { user } = renderAccount({
    'POST /api/v1/identity/password': () =>
      problem(429, {
        type: 'https://tradenova.dev/problems/login-throttled',
        title: 'Too many attempts',
        detail: 'Too many wrong passwords. Try again in 5 minutes.',
      }),
  });

  await fill(user, { current: 'guess number six', next: 'new horse stable 42', confirm: 'new horse stable 42' });
  await user.click(changeButton());

  expect((await screen.findByRole('alert')).textContent).toBe('Too many wrong passwords. Try again in 5 minutes.');
});

test('sign out everywhere asks first, then ends every session and opens the sign-in page', async () => {
  const { sent, tokens, user } = renderAccount({
    'DELETE /api/v1/identity/sessions': () => new Response(null, { status: 204 }),
  });

  await user.click(screen.getByRole('button', { name: 'Sign out everywhere…' }));
  const dialog = screen.getByRole('alertdialog');
  expect(dialog.textContent).toContain('including this one');
  await user.click(within(dialog).getByRole('button', { name: 'Stay signed in' }));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(sent()).toHaveLength(0);

  await user.click(screen.getByRole('button', { name: 'Sign out everywhere…' }));
  await user.click(screen.getByRole('button', { name: 'Yes, sign out everywhere' }));

  await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/login'));
  expect(sent().map((c) => `${c.method} ${c.url}`)).toEqual(['DELETE /api/v1/identity/sessions']);
  expect(tokens.accessToken).toBeNull();
  expect(tokens.refreshToken).toBeNull();
});

test('when the sessions could not be ended the user stays here, signed in, with the reason', async () => {
  const { tokens, user } = renderAccount({
    'DELETE /api/v1/identity/sessions': () => problem(503, { title: 'Service Unavailable', detail: 'Identity is restarting.' }),
  });

  await user.click(screen.getByRole('button', { name: 'Sign out everywhere…' }));
  await user.click(screen.getByRole('button', { name: 'Yes, sign out everywhere' }));

  expect((await screen.findByRole('alert')).textContent).toBe('Identity is restarting.');
  expect(screen.getByTestId('location').textContent).toBe('/account');
  expect(tokens.refreshToken).toBe('r1');
});

test('the page lists where the user is signed in, marks this browser, and signs another session out', async () => {
  let ended = false;
  const session = (id: string, agent: string, current: boolean) => ({
    id, signedInAt: '2026-12-05T09:00:00Z', lastActiveAt: '2026-12-05T11:00:00Z', expiresAt: '2027-01-04T11:00:00Z',
    clientAddress: current ? '203.0.113.10' : '198.51.100.20', userAgent: agent, current,
  });
  const laptop = session('s-laptop', 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', true);
  const phone = session('s-phone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 Version/17.6 Safari/604.1', false);
  const { sent, user } = renderAccount({
    [LIST_SESSIONS]: () => json(200, ended ? [laptop] : [phone, laptop]),
    'DELETE /api/v1/identity/sessions/s-phone': () => {
      ended = true;
      return new Response(null, { status: 204 });
    },
  });

  const list = await screen.findByRole('list', { name: 'Sessions' });
  const items = await within(list).findAllByRole('listitem');
  expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual(['Safari on iOS', 'Firefox on Linux']);
  expect(items[1]?.textContent).toContain('This browser');
  expect(items[0]?.textContent).toContain('198.51.100.20');
  expect(within(items[1]!).queryByRole('button')).toBeNull();

  await user.click(within(items[0]!).getByRole('button', { name: /^Sign out Safari on iOS/ }));

  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
  expect(sent().map((c) => `${c.method} ${c.url}`)).toEqual(['DELETE /api/v1/identity/sessions/s-phone']);
});

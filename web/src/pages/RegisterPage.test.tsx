import { expect, test } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegisterPage } from './RegisterPage';
import { fakeFetch, fakeJwt, json, problem, renderApp } from '../test/helpers';

async function fill(user: ReturnType<typeof userEvent.setup>, values: { email: string; name: string; password: string }) {
  await user.type(screen.getByLabelText('Email'), values.email);
  await user.type(screen.getByLabelText('Display name'), values.name);
  await user.type(screen.getByLabelText('Password'), values.password);
}

test('invalid input is explained next to each field and nothing is sent', async () => {
  const { fetch, calls } = fakeFetch({});
  renderApp(<RegisterPage />, { fetch, path: '/register' });
  const user = userEvent.setup();

  await fill(user, { email: 'nope', name: 'Ada', password: 'short' });
  await user.click(screen.getByRole('button', { name: 'Create account' }));

  expect(screen.getByText('Enter a valid email address, like name@example.com.')).toBeTruthy();
  expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
  expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
  expect(calls).toHaveLength(0);
});

test('a valid registration signs the user in and opens the portfolio', async () => {
  const { fetch, calls } = fakeFetch({
    'POST /api/v1/identity/register': () => json(201, { userId: 'u1', email: 'ada@example.test' }),
    'POST /api/v1/identity/login': () =>
      json(200, {
        accessToken: fakeJwt({ sub: 'u1', email: 'ada@example.test' }),
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshToken: 'r1',
      }),
  });
  const { tokens } = renderApp(<RegisterPage />, { fetch, path: '/register' });
  const user = userEvent.setup();

  await fill(user, { email: 'ada@example.test', name: 'Ada', password: 'long enough password' });
  await user.click(screen.getByRole('button', { name: 'Create account' }));

  await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/portfolio'));
  expect(calls.map((c) => c.url)).toEqual(['/api/v1/identity/register', '/api/v1/identity/login']);
  expect(calls[0]?.body).toEqual({
    email: 'ada@example.test',
    displayName: 'Ada',
    password: 'long enough password',
  });
  expect(tokens.refreshToken).toBe('r1');
});

test('a duplicate email shows the server detail and marks the email field', async () => {
  const { fetch } = fakeFetch({
    'POST /api/v1/identity/register': () =>
      problem(409, {
        type: 'https://tradenova.dev/problems/email-taken',
        title: 'Conflict',
        detail: 'An account with this email already exists.',
      }),
  });
  renderApp(<RegisterPage />, { fetch, path: '/register' });
  const user = userEvent.setup();

  await fill(user, { email: 'ada@example.test', name: 'Ada', password: 'long enough password' });
  await user.click(screen.getByRole('button', { name: 'Create account' }));

  expect((await screen.findByRole('alert')).textContent).toBe('An account with this email already exists.');
  expect(screen.getByText('Use a different email, or sign in instead.')).toBeTruthy();
  expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
});

test('server validation errors are shown on their fields and the detail on top', async () => {
  const { fetch } = fakeFetch({
    'POST /api/v1/identity/register': () =>
      problem(409, {
        type: 'https://tradenova.dev/problems/duplicate-email',
        title: 'Email already registered',
        detail: 'An account with ada@example.test already exists.',
        errors: { Email: ['This email is already registered.'] },
      }),
  });
  renderApp(<RegisterPage />, { fetch, path: '/register' });
  const user = userEvent.setup();

  await fill(user, { email: 'ada@example.test', name: 'Ada', password: 'long enough password' });
  await user.click(screen.getByRole('button', { name: 'Create account' }));

  expect((await screen.findByRole('alert')).textContent).toContain(
    'An account with ada@example.test already exists.',
  );
  expect(screen.getByText('This email is already registered.')).toBeTruthy();
  expect(screen.getByTestId('location').textContent).toBe('/register');
});

test('the strength meter explains why a password is refused, with the server\'s rules, before submitting', async () => {
  const { fetch, calls } = fakeFetch({});
  renderApp(<RegisterPage />, { fetch, path: '/register' });
  const user = userEvent.setup();

  await user.type(screen.getByLabelText('Email'), 'ada@example.test');
  await user.type(screen.getByLabelText('Password'), 'password12');

  const meter = screen.getByRole('status');
  expect(meter.textContent).toContain('Too weak');
  expect(meter.textContent).toContain('one of the most common passwords');

  await user.clear(screen.getByLabelText('Password'));
  await user.type(screen.getByLabelText('Password'), 'violet-Tram-42-sky-Harbour');
  expect(screen.getByRole('status').textContent).toContain('Strong');
  expect(calls).toHaveLength(0);
});

import { expect, test } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BrokerPage } from './BrokerPage';
import { validateBrokerForm } from './brokerForm';
import { fakeFetch, json, problem, renderApp } from '../test/helpers';
import type { BrokerConnection } from './types';

const paperAccount = { userId: 'u1', mode: 'paper', createdAt: '2026-12-01T10:00:00Z' };
const connected: BrokerConnection = {
  broker: 'alpaca',
  environment: 'paper',
  keyId: 'PK••••WXYZ',
  accountNumber: 'PA3NOVA1TEST',
  accountStatus: 'ACTIVE',
  status: 'connected',
  connectedAt: '2026-12-01T10:00:00Z',
};
const noConnection = () => problem(404, { title: 'Not Found', detail: 'No broker connection.' });

test('a connection shows the masked key id, the account number, the environment and "connected", never a secret', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/broker/connection': () => json(200, connected),
    'GET /api/v1/execution/account': () => json(200, paperAccount),
  });
  renderApp(<BrokerPage />, { fetch, path: '/broker', signedInAs: 'ada@example.test' });

  expect((await screen.findByTestId('broker-key-id')).textContent).toBe('PK••••WXYZ');
  expect(screen.getByTestId('broker-account-number').textContent).toBe('PA3NOVA1TEST');
  expect(screen.getByTestId('broker-environment').textContent).toBe('Paper');
  expect(screen.getByTestId('broker-connected').textContent).toBe('Connected');
  expect(screen.getByTestId('broker-status').dataset.state).toBe('connected');
  expect(screen.getByRole('heading', { name: 'Replace your keys' })).toBeTruthy();
});

test('connecting sends the keys once, clears the secret, and shows what the server returned', async () => {
  let saved: BrokerConnection | null = null;
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/broker/connection': () => (saved ? json(200, saved) : noConnection()),
    'GET /api/v1/execution/account': () => json(200, paperAccount),
    'PUT /api/v1/broker/connection': () => {
      saved = { ...connected, keyId: 'AK••••7890', environment: 'live', accountNumber: '9NOVA' };
      return json(200, saved);
    },
  });
  renderApp(<BrokerPage />, { fetch, path: '/broker', signedInAs: 'ada@example.test' });

  expect((await screen.findByTestId('broker-status')).dataset.state).toBe('disconnected');
  const secret = screen.getByLabelText('Secret key') as HTMLInputElement;
  const keyId = screen.getByLabelText('Key ID') as HTMLInputElement;
  expect(secret.type).toBe('password');
  expect(secret.autocomplete).toBe('off');
  expect(keyId.autocomplete).toBe('off');
  await userEvent.click(screen.getByLabelText(/^Live/));
  await userEvent.type(keyId, ' AKTEST1234567890 ');
  await userEvent.type(secret, 's3cr3t-value');
  await userEvent.click(screen.getByRole('button', { name: 'Verify and connect' }));

  expect((await screen.findByTestId('broker-key-id')).textContent).toBe('AK••••7890');
  expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
    { broker: 'alpaca', environment: 'live', keyId: 'AKTEST1234567890', secretKey: 's3cr3t-value' },
  ]);
  expect((screen.getByLabelText('Secret key') as HTMLInputElement).value).toBe('');
  expect((screen.getByLabelText('Key ID') as HTMLInputElement).value).toBe('');
  expect(screen.getByTestId('broker-notice').textContent).toContain('9NOVA');
  expect(document.body.textContent).not.toContain('s3cr3t-value');
});

test("Alpaca's refusal is shown as the server explained it, and the secret is not kept for another try", async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/broker/connection': noConnection,
    'GET /api/v1/execution/account': () => json(200, paperAccount),
    'PUT /api/v1/broker/connection': () =>
      problem(422, {
        type: 'https://tradenova.dev/problems/broker-credentials-rejected',
        title: 'Alpaca refused the keys',
        detail: 'Alpaca refused these keys for its paper endpoint. Check the key id, the secret, and that they belong to a paper account.',
      }),
  });
  renderApp(<BrokerPage />, { fetch, path: '/broker', signedInAs: 'ada@example.test' });

  await userEvent.type(await screen.findByLabelText('Key ID'), 'PKWRONG1234');
  await userEvent.type(screen.getByLabelText('Secret key'), 'nope-nope');
  await userEvent.click(screen.getByRole('button', { name: 'Verify and connect' }));

  expect((await screen.findByRole('alert')).textContent).toContain('Alpaca refused these keys for its paper endpoint');
  expect((screen.getByLabelText('Secret key') as HTMLInputElement).value).toBe('');
  expect((screen.getByLabelText('Key ID') as HTMLInputElement).value).toBe('PKWRONG1234');
});

test('field errors from the server land next to their fields', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/broker/connection': noConnection,
    'GET /api/v1/execution/account': () => json(200, paperAccount),
    'PUT /api/v1/broker/connection': () =>
      problem(400, { title: 'One or more validation errors occurred.', errors: { keyId: ['Required: 1 to 128 visible ASCII characters without spaces.'] } }),
  });
  renderApp(<BrokerPage />, { fetch, path: '/broker', signedInAs: 'ada@example.test' });

  await userEvent.type(await screen.findByLabelText('Key ID'), 'PKOK');
  await userEvent.type(screen.getByLabelText('Secret key'), 'secret');
  await userEvent.click(screen.getByRole('button', { name: 'Verify and connect' }));

  const keyId = screen.getByLabelText('Key ID');
  await waitFor(() => expect(keyId.getAttribute('aria-invalid')).toBe('true'));
  expect(document.getElementById(keyId.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe(
    'Required: 1 to 128 visible ASCII characters without spaces.',
  );
});

test('empty or spaced keys are refused before anything is sent', () => {
  expect(validateBrokerForm({ environment: 'paper', keyId: '', secretKey: 'a b' }).errors).toEqual({
    keyId: 'Enter your Alpaca key id.',
    secretKey: 'Only visible ASCII characters, without spaces (paste it again?).',
  });
  expect(validateBrokerForm({ environment: 'paper', keyId: 'x'.repeat(129), secretKey: 's' }).errors.keyId).toBe('At most 128 characters.');
});

test('disconnecting asks first, then deletes the keys', async () => {
  let present = true;
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/broker/connection': () => (present ? json(200, connected) : noConnection()),
    'GET /api/v1/execution/account': () => json(200, paperAccount),
    'DELETE /api/v1/broker/connection': () => {
      present = false;
      return new Response(null, { status: 204 });
    },
  });
  renderApp(<BrokerPage />, { fetch, path: '/broker', signedInAs: 'ada@example.test' });

  await userEvent.click(await screen.findByRole('button', { name: 'Disconnect' }));
  expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
  const confirm = screen.getByTestId('disconnect-confirm');
  await userEvent.click(within(confirm).getByRole('button', { name: 'Yes, disconnect' }));

  await waitFor(() => expect(screen.getByTestId('broker-status').dataset.state).toBe('disconnected'));
  expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  expect(screen.getByTestId('broker-notice').textContent).toContain('deleted');
});

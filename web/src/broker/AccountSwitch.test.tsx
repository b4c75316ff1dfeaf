import { expect, test } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AccountSwitch } from './AccountSwitch';
import { AccountBadge } from './AccountBadge';
import { OrderTicketPage } from '../trading/OrderTicketPage';
import { fakeFetch, json, problem, renderApp } from '../test/helpers';

const account = (mode: string) => json(200, { userId: 'u1', mode, createdAt: '2026-12-01T10:00:00Z' });
const connection = {
  broker: 'alpaca', environment: 'paper', keyId: 'PK••••WXYZ', accountNumber: 'PA3NOVA1TEST', accountStatus: 'ACTIVE',
  status: 'connected', connectedAt: '2026-12-01T10:00:00Z',
};

function Both() {
  return (
    <>
      <AccountBadge />
      <AccountSwitch />
    </>
  );
}

test('going live is confirmed first, names the Alpaca account, and turns every badge to LIVE; paper is one click back', async () => {
  let mode = 'paper';
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/execution/account': () => account(mode),
    'GET /api/v1/broker/connection': () => json(200, connection),
    'PUT /api/v1/execution/account': (call) => {
      mode = (call.body as { mode: string }).mode;
      return account(mode);
    },
  });
  renderApp(<Both />, { fetch, path: '/dashboard', signedInAs: 'ada@example.test' });

  await waitFor(() => expect(screen.getByTestId('account-badge').textContent).toBe('PAPER'));
  await userEvent.click(screen.getByRole('button', { name: 'Live' }));
  const confirm = screen.getByTestId('go-live-confirm');
  expect(confirm.textContent).toContain('PA3NOVA1TEST');
  expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  await userEvent.click(within(confirm).getByRole('button', { name: 'Switch to live' }));

  await waitFor(() => expect(screen.getByTestId('account-badge').dataset.mode).toBe('live'));
  expect(screen.getByTestId('account-badge').textContent).toBe('LIVE');
  expect(screen.getByTestId('account-switch-badge').textContent).toBe('LIVE');
  expect(screen.getByRole('button', { name: 'Live' }).getAttribute('aria-pressed')).toBe('true');

  await userEvent.click(screen.getByRole('button', { name: 'Paper' }));
  await waitFor(() => expect(screen.getByTestId('account-badge').textContent).toBe('PAPER'));
  expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ mode: 'live' }, { mode: 'paper' }]);
});

test('without broker keys the refusal links to the broker page', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/execution/account': () => account('paper'),
    'GET /api/v1/broker/connection': () => problem(404, { detail: 'No broker connection.' }),
    'PUT /api/v1/execution/account': () =>
      problem(422, {
        type: 'https://tradenova.dev/problems/broker-not-connected',
        title: 'No broker connected for live trading',
        detail: 'Live orders go to your own Alpaca account: connect it first.',
      }),
  });
  renderApp(<Both />, { fetch, path: '/dashboard', signedInAs: 'ada@example.test' });

  await waitFor(() => expect(screen.getByTestId('account-badge').textContent).toBe('PAPER'));
  await userEvent.click(screen.getByRole('button', { name: 'Live' }));
  await userEvent.click(screen.getByRole('button', { name: 'Switch to live' }));

  const refusal = await screen.findByTestId('broker-not-connected');
  expect(within(refusal).getByRole('link', { name: 'Connect your Alpaca keys' }).getAttribute('href')).toBe('/broker');
  expect(screen.getByTestId('account-badge').textContent).toBe('PAPER');
});

test('the order ticket shows the live account and names its send button so', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/execution/account': () => account('live'),
    'GET /api/v1/market/symbols': () => json(200, { source: 'simulated', symbols: [{ symbol: 'AAPL', name: 'Apple', referencePrice: 230 }] }),
    'POST /api/v1/risk/preview': () => json(200, { approved: true, violations: [], referencePrice: 230 }),
  });
  renderApp(<OrderTicketPage />, { fetch, path: '/trade', signedInAs: 'ada@example.test' });

  await waitFor(() => expect(screen.getByTestId('ticket-account-badge').textContent).toBe('LIVE'));
  expect(screen.getByTestId('ticket-account').textContent).toContain('your own Alpaca account');
  await screen.findByRole('option', { name: 'AAPL — Apple' });
  await userEvent.selectOptions(screen.getByLabelText('Symbol'), 'AAPL');
  await userEvent.type(screen.getByLabelText('Quantity'), '1');
  await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
  expect(await screen.findByRole('button', { name: 'Send live order' })).toBeTruthy();
});

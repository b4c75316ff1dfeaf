import { expect, test } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminPage } from './AdminPage';
import { checkUserId, shockedSymbols, type MarketShock } from './api';
import { fakeFetch, json, renderApp } from '../test/helpers';

const USER = '01a24600-9b18-7ac6-8469-4beaab4d5a2b';
const none = { used: 0, limit: 1, usage: 0 };
const limits = (halts: { code: string; reason: string; since: string; canResume: boolean }[]) => ({
  userId: USER, version: 3, updatedAt: '2026-12-01T10:00:00Z', priceCollarFraction: 0.1, maxOrdersPerMinute: 30,
  limits: {}, defaults: {},
  usage: { equity: 9500, cash: 4000, startOfDayEquity: 10000, peakEquity: 10000, valuedAt: null, positions: [],
    openPositions: { used: 2, limit: 10, usage: 0.2 }, dailyLoss: none, drawdown: none, orderRate: none },
  halt: { halted: halts.length > 0, halts },
});

// The page's subscriptions and users panels, answered so that they stay quiet (their own tests are in
// SubscriptionsPanel.test.tsx and UsersPanel.test.tsx).
const quietPanels = {
  'GET /api/v1/billing/admin/subscriptions?offset=0&limit=26': () => json(200, []),
  'GET /api/v1/billing/admin/audit': () => json(200, []),
  'GET /api/v1/identity/admin/users?offset=0&limit=26': () => json(200, []),
  'GET /api/v1/identity/admin/audit': () => json(200, []),
};

test('a trader without the admin role gets no controls and asks nothing of Risk', () => {
  const { fetch, calls } = fakeFetch({});
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ada@example.test' });

  expect(screen.getByRole('heading', { name: 'Administrators only' })).toBeTruthy();
  expect(calls).toHaveLength(0);
});

test('an admin engages the kill switch with a reason and sees it engaged and audited', async () => {
  let engaged = false;
  const { fetch, calls } = fakeFetch({
    ...quietPanels,
    'GET /api/v1/market/admin/shocks': () => json(200, []),
    'GET /api/v1/risk/admin/kill-switch': () =>
      json(200, engaged
        ? { engaged: true, reason: 'Exchange outage', changedBy: 'a1', changedAt: '2026-12-05T12:00:00Z' }
        : { engaged: false, reason: null, changedBy: null, changedAt: null }),
    'POST /api/v1/risk/admin/kill-switch': () => {
      engaged = true;
      return new Response(null, { status: 204 });
    },
    'GET /api/v1/risk/admin/audit': () =>
      json(200, engaged
        ? [{ id: 1, at: '2026-12-05T12:00:00Z', actorId: 'a1', actorRole: 'admin', action: 'kill_switch.on', subjectUserId: null,
            oldValue: null, newValue: null, reason: 'Exchange outage' }]
        : []),
  });
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });

  expect((await screen.findByTestId('kill-switch-state')).textContent).toMatch(/^Not engaged/);
  const halt = screen.getByRole('button', { name: 'Halt trading for everyone' });
  expect((halt as HTMLButtonElement).disabled).toBe(true);
  await userEvent.type(screen.getByLabelText('Reason (shown to every trader)'), 'Exchange outage');
  await userEvent.click(halt);

  expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'Exchange outage' });
  await screen.findByText(/^Engaged since .*: Exchange outage\./);
  const audit = await screen.findByRole('table', { name: 'Risk audit log' });
  expect(within(audit).getByText('kill_switch.on')).toBeTruthy();
  expect(within(audit).getByText('everyone')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Release the kill switch' })).toBeTruthy();
});

test('an admin looks a trader up by id, sees the halts, and halts them with a reason', async () => {
  let halted = false;
  const { fetch, calls } = fakeFetch({
    ...quietPanels,
    'GET /api/v1/risk/admin/kill-switch': () => json(200, { engaged: false, reason: null, changedBy: null, changedAt: null }),
    'GET /api/v1/risk/admin/audit': () => json(200, []),
    'GET /api/v1/market/admin/shocks': () => json(200, []),
    [`GET /api/v1/risk/admin/users/${USER}/limits`]: () =>
      json(200, limits(halted ? [{ code: 'risk.kill_switch', reason: 'Suspicious activity', since: '2026-12-05T12:00:00Z', canResume: false }] : [])),
    [`POST /api/v1/risk/admin/users/${USER}/halt`]: () => {
      halted = true;
      return json(200, { halted: true, halts: [] });
    },
  });
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });

  await userEvent.type(screen.getByLabelText(/^User id/), 'not-an-id');
  await userEvent.click(screen.getByRole('button', { name: 'Look up' }));
  expect(screen.getByRole('alert').textContent).toMatch(/A user id looks like/);

  await userEvent.clear(screen.getByLabelText(/^User id/));
  await userEvent.type(screen.getByLabelText(/^User id/), USER.toUpperCase());
  await userEvent.click(screen.getByRole('button', { name: 'Look up' }));
  expect((await screen.findByTestId('admin-user-halts')).textContent).toBe('Trading normally.');
  expect(screen.getByTestId('admin-user').textContent).toContain('Equity $9,500.00');

  await userEvent.type(screen.getByLabelText('Reason (kept in the audit log)'), 'Suspicious activity');
  await userEvent.click(screen.getByRole('button', { name: 'Halt this trader' }));

  expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'Suspicious activity' });
  await screen.findByText(/Suspicious activity/, { selector: 'li' });
});

test('user ids are checked before any request', () => {
  expect(checkUserId('')).toEqual({ error: 'Enter a user id.' });
  expect(checkUserId(' 01A24600-9B18-7AC6-8469-4BEAAB4D5A2B ')).toEqual({ id: USER });
  expect(checkUserId('../../identity')).toHaveProperty('error');
});

test('an admin shocks a price with a reason, sees it active, and resets it', async () => {
  const records: MarketShock[] = [];
  const record = (symbol: string, factor: number, changePercent: number, reason: string): MarketShock => ({
    id: records.length + 1, symbol, factor, changePercent, effectiveAt: '2026-12-05T12:00:02Z', createdAt: '2026-12-05T12:00:00Z',
    actorId: 'a1', reason,
  });
  const { fetch, calls } = fakeFetch({
    ...quietPanels,
    'GET /api/v1/risk/admin/kill-switch': () => json(200, { engaged: false, reason: null, changedBy: null, changedAt: null }),
    'GET /api/v1/risk/admin/audit': () => json(200, []),
    'GET /api/v1/market/admin/shocks': () => json(200, [...records].reverse()),
    'POST /api/v1/market/admin/shocks': (call) => {
      const body = call.body as { symbol: string; changePercent: number; reason: string };
      records.push(record(body.symbol, 1 + body.changePercent / 100, body.changePercent, body.reason));
      return json(201, records.at(-1));
    },
    'POST /api/v1/market/admin/shocks/AAPL/reset': (call) => {
      records.push(record('AAPL', 1, 17.647059, (call.body as { reason: string }).reason));
      return json(201, records.at(-1));
    },
  });
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });

  expect((await screen.findByTestId('active-shocks')).textContent).toBe('Every symbol follows the plain simulation.');
  const form = screen.getByRole('form', { name: 'Shock a price' });
  await userEvent.type(within(form).getByLabelText(/^Symbol/), 'aapl');
  await userEvent.type(within(form).getByLabelText(/^Change/), '-15');
  await userEvent.type(within(form).getByLabelText(/^Reason/), 'Crash drill');
  await userEvent.click(within(form).getByRole('button', { name: 'Apply the shock' }));

  expect(calls.find((c) => c.url === '/api/v1/market/admin/shocks' && c.method === 'POST')?.body)
    .toEqual({ symbol: 'AAPL', changePercent: -15, reason: 'Crash drill' });
  expect((await screen.findByText(/AAPL at 0.85× its simulated price/)).textContent).toContain('Crash drill');

  await userEvent.click(screen.getByRole('button', { name: 'Reset AAPL' }));
  await screen.findByText('Every symbol follows the plain simulation.');
  expect(within(screen.getByRole('table', { name: 'Price shocks' })).getAllByText('AAPL')).toHaveLength(2);
});

test('a symbol is shocked while its latest record moves it', () => {
  const at = { effectiveAt: '', createdAt: '', actorId: 'a', reason: 'r', changePercent: 0 };
  expect(shockedSymbols([
    { ...at, id: 3, symbol: 'AAPL', factor: 1 },
    { ...at, id: 2, symbol: 'MSFT', factor: 0.8 },
    { ...at, id: 1, symbol: 'AAPL', factor: 0.85 },
  ]).map((s) => s.symbol)).toEqual(['MSFT']);
});

test("Risk's audit log narrows to the trader whose whole user id is pasted", async () => {
  const entry = (id: number, subjectUserId: string | null, reason: string) => ({
    id, at: '2026-12-05T12:00:00Z', actorId: 'a1', actorRole: 'admin', action: 'halt', subjectUserId, oldValue: null, newValue: null, reason,
  });
  const { fetch } = fakeFetch({
    ...quietPanels,
    'GET /api/v1/market/admin/shocks': () => json(200, []),
    'GET /api/v1/risk/admin/kill-switch': () => json(200, { engaged: false, reason: null, changedBy: null, changedAt: null }),
    'GET /api/v1/risk/admin/audit': () => json(200, [entry(2, null, 'Exchange outage'), entry(1, USER, 'Runaway client')]),
    [`GET /api/v1/risk/admin/audit?userId=${USER}`]: () => json(200, [entry(1, USER, 'Runaway client')]),
  });
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });

  expect(within(await screen.findByRole('table', { name: 'Risk audit log' })).getByText('Exchange outage')).toBeTruthy();
  await userEvent.type(within(screen.getByRole('region', { name: 'Risk audit log' })).getByLabelText('Only this trader (user id)'), USER);

  await screen.findByText('Runaway client');
  await waitFor(() => expect(screen.queryByText('Exchange outage')).toBeNull());
});

test('Risk ▸ in the Users panel opens that user in One trader, looked up in Risk', async () => {
  const { fetch, calls } = fakeFetch({
    ...quietPanels,
    'GET /api/v1/risk/admin/kill-switch': () => json(200, { engaged: false, reason: null, changedBy: null, changedAt: null }),
    'GET /api/v1/risk/admin/audit': () => json(200, []),
    'GET /api/v1/market/admin/shocks': () => json(200, []),
    'GET /api/v1/identity/admin/users?offset=0&limit=26': () =>
      json(200, [{ id: USER, email: 'ada@example.test', displayName: 'Ada', role: 'subscriber', subscriptionStatus: 'active',
        createdAt: '2026-12-01T09:00:00Z', suspendedAt: '2026-12-05T12:00:00Z', suspendedReason: 'Card fraud' }]),
    [`GET /api/v1/risk/admin/users/${USER}/limits`]: () =>
      json(200, limits([{ code: 'risk.kill_switch', reason: 'Account suspended: Card fraud', since: '2026-12-05T12:00:00Z', canResume: false }])),
  });
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });

  await userEvent.click(await screen.findByRole('button', { name: 'Risk controls for ada@example.test' }));

  const panel = screen.getByRole('region', { name: 'One trader' });
  expect((within(panel).getByLabelText('User id') as HTMLInputElement).value).toBe(USER);
  expect(await within(panel).findByText(/Account suspended: Card fraud/)).toBeTruthy();
  expect(calls.filter((c) => c.url === `/api/v1/risk/admin/users/${USER}/limits`)).toHaveLength(1);
});


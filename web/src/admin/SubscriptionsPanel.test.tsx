import { expect, test } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminPage } from './AdminPage';
import type { AdminSubscription, BillingAuditEntry } from './billingApi';
import { fakeFetch, json, problem, renderApp } from '../test/helpers';

const USER = '01a24600-9b18-7ac6-8469-4beaab4d5a2b';
const LIST = '/api/v1/billing/admin/subscriptions';
const AUDIT = '/api/v1/billing/admin/audit';
// The panel asks for one row more than its page of 25 to know whether a next page exists.
const firstPage = (status = '') => `GET ${LIST}?offset=0&limit=26${status ? `&status=${status}` : ''}`;

// The page's other panels, answered so that they stay quiet.
const otherPanels = {
  'GET /api/v1/risk/admin/kill-switch': () => json(200, { engaged: false, reason: null, changedBy: null, changedAt: null }),
  'GET /api/v1/risk/admin/audit': () => json(200, []),
  'GET /api/v1/market/admin/shocks': () => json(200, []),
  'GET /api/v1/identity/admin/users?offset=0&limit=26': () => json(200, []),
  'GET /api/v1/identity/admin/audit': () => json(200, []),
};

const subscription = (overrides: Partial<AdminSubscription> = {}): AdminSubscription => ({
  userId: USER, email: 'ada@example.test', plan: 'pro', status: 'trialing', provider: 'local', providerStatus: null,
  trialEndsAt: '2026-12-12T10:00:00Z', currentPeriodEnd: null, cancelAtPeriodEnd: false, accessEndsAt: '2026-12-12T10:00:00Z',
  grantedUntil: null, version: 1, statusChangedAt: '2026-12-05T10:00:00Z',
  ...overrides,
});

const auditEntry = (action: string, reason: string, detail: string): BillingAuditEntry => ({
  id: 1, adminUserId: 'a1', userId: USER, action, reason, detail, occurredAt: '2026-12-05T12:00:00Z',
});

test('a trader without the admin role sees no subscriptions and asks nothing of Billing', () => {
  const { fetch, calls } = fakeFetch({});
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ada@example.test' });

  expect(screen.queryByRole('heading', { name: 'Subscriptions' })).toBeNull();
  expect(screen.queryByRole('table', { name: 'Subscriptions' })).toBeNull();
  expect(calls.filter((c) => c.url.startsWith('/api/v1/billing'))).toHaveLength(0);
});

test("an admin sees Billing's subscriptions as the API lists them, pages on, and filters by status", async () => {
  const many = Array.from({ length: 26 }, (_, i) =>
    subscription({ userId: `01a24600-9b18-7ac6-8469-${String(i).padStart(12, '0')}`, email: `t${i}@example.test` }));
  const { fetch, calls } = fakeFetch({
    ...otherPanels,
    [`GET ${AUDIT}`]: () => json(200, []),
    [firstPage()]: () => json(200, [subscription({ status: 'past_due', providerStatus: 'past_due', cancelAtPeriodEnd: true }), ...many.slice(1)]),
    [`GET ${LIST}?offset=25&limit=26`]: () => json(200, [many[25]]),
    [firstPage('past_due')]: () => json(200, [subscription({ status: 'past_due', providerStatus: 'past_due' })]),
  });
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });

  const table = await screen.findByRole('table', { name: 'Subscriptions' });
  expect(within(table).getAllByRole('row')).toHaveLength(1 + 25);
  const ada = within(table).getByRole('rowheader', { name: new RegExp(USER) }).closest('tr')!;
  expect(ada.textContent).toContain('ada@example.test');
  expect(ada.textContent).toContain('Payment failed, ends at period end');
  expect(ada.textContent).toContain('local (past_due)');
  expect(ada.textContent).toContain(new Date('2026-12-12T10:00:00Z').toLocaleDateString());
  expect(screen.getByTestId('subscriptions-range').textContent).toBe('Showing 1–25');

  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  await waitFor(() => expect(screen.getByTestId('subscriptions-range').textContent).toBe('Showing 26–26'));
  expect(within(screen.getByRole('table', { name: 'Subscriptions' })).getByText('t25@example.test')).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);

  await userEvent.selectOptions(screen.getByLabelText('Status'), 'past_due');
  await waitFor(() => expect(within(screen.getByRole('table', { name: 'Subscriptions' })).getAllByRole('row')).toHaveLength(2));
  expect(calls.map((c) => c.url)).toContain(`${LIST}?offset=0&limit=26&status=past_due`);
  expect(screen.queryByRole('navigation', { name: 'Subscription pages' })).toBeNull();
});

test("an admin grants days with a reason; the list and Billing's audit log show the change", async () => {
  let granted = false;
  const { fetch, calls } = fakeFetch({
    ...otherPanels,
    [firstPage()]: () => json(200, [granted ? subscription({ status: 'active', grantedUntil: '2027-01-04T12:00:00Z' }) : subscription()]),
    [`GET ${AUDIT}`]: () => json(200, granted ? [auditEntry('grant', 'Support goodwill', 'access granted until 2027-01-04; now active')] : []),
    [`POST ${LIST}/${USER}/grant`]: () => {
      granted = true;
      return json(200, subscription({ status: 'active', grantedUntil: '2027-01-04T12:00:00Z' }));
    },
  });
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });

  await userEvent.click(await screen.findByRole('button', { name: 'Choose ada@example.test' }));
  expect((screen.getByLabelText("Subscriber's user id") as HTMLInputElement).value).toBe(USER);
  const grant = screen.getByRole('button', { name: 'Grant 30 days from now' });
  expect((grant as HTMLButtonElement).disabled).toBe(true);
  await userEvent.type(screen.getByLabelText("Reason (kept in Billing's audit log)"), 'Support goodwill');
  await userEvent.click(grant);

  const post = calls.find((c) => c.method === 'POST');
  expect(post?.url).toBe(`${LIST}/${USER}/grant`);
  expect(post?.body).toEqual({ reason: 'Support goodwill', days: 30 });
  await waitFor(() => expect(within(screen.getByRole('region', { name: 'Subscriptions' })).getByRole('status').textContent).toMatch(/^Access granted for ada@example.test. Status: Active, /));
  const audit = await screen.findByRole('table', { name: 'Billing audit log' });
  expect(within(audit).getByText('Support goodwill')).toBeTruthy();
  await waitFor(() => expect(within(screen.getByRole('table', { name: 'Subscriptions' })).getByText(/^Active/)).toBeTruthy());
});

test('cancel is confirmed first, and the simulations post to their own routes with the reason', async () => {
  const { fetch, calls } = fakeFetch({
    ...otherPanels,
    [firstPage()]: () => json(200, []),
    [`GET ${AUDIT}`]: () => json(200, []),
    [`POST ${LIST}/${USER}/cancel`]: () => json(200, subscription({ status: 'canceled', accessEndsAt: null })),
    [`POST ${LIST}/${USER}/simulate/payment-failure?pastGrace=true`]: () => json(200, subscription({ status: 'past_due' })),
  });
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });

  await userEvent.type(screen.getByLabelText("Subscriber's user id"), USER.toUpperCase());
  await userEvent.type(screen.getByLabelText("Reason (kept in Billing's audit log)"), 'Chargeback');
  await userEvent.click(screen.getByRole('button', { name: 'Cancel now…' }));
  expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  const confirm = screen.getByRole('alertdialog');
  expect(confirm.textContent).toMatch(/loses\s+access now/);
  await userEvent.click(within(confirm).getByRole('button', { name: 'Yes, cancel now' }));
  expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: `${LIST}/${USER}/cancel`, body: { reason: 'Chargeback' } });
  await screen.findByText(/^Canceled for ada@example.test\. Status: Canceled\.$/);

  const simulate = screen.getByRole('group', { name: 'Simulate (local billing provider only)' });
  await userEvent.type(screen.getByLabelText("Reason (kept in Billing's audit log)"), 'Dunning drill');
  await userEvent.click(within(simulate).getByLabelText('one grace period ago'));
  await userEvent.click(within(simulate).getByRole('button', { name: 'Failed renewal payment' }));
  expect(calls.filter((c) => c.method === 'POST').at(-1)).toMatchObject({
    url: `${LIST}/${USER}/simulate/payment-failure?pastGrace=true`,
    body: { reason: 'Dunning drill' },
  });
});

test("Billing's validation problem is shown by the field it names", async () => {
  const { fetch } = fakeFetch({
    ...otherPanels,
    [firstPage()]: () => json(200, [subscription()]),
    [`GET ${AUDIT}`]: () => json(200, []),
    [`POST ${LIST}/${USER}/extend`]: () =>
      problem(400, { title: 'One or more validation errors occurred.', errors: { days: ['Days must be between 1 and 3660.'] } }),
  });
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });

  await userEvent.click(await screen.findByRole('button', { name: 'Choose ada@example.test' }));
  await userEvent.clear(screen.getByLabelText('Days'));
  await userEvent.type(screen.getByLabelText('Days'), '5000');
  await userEvent.type(screen.getByLabelText("Reason (kept in Billing's audit log)"), 'Long outage');
  await userEvent.click(screen.getByRole('button', { name: 'Extend by 5000 days' }));

  const days = screen.getByLabelText('Days');
  await waitFor(() => expect(days.getAttribute('aria-invalid')).toBe('true'));
  const description = days.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
  expect(description).toEqual(['Days must be between 1 and 3660.']);
  expect(screen.queryByRole('alert')).toBeNull();
  // The reason is kept for the corrected retry.
  expect((screen.getByLabelText("Reason (kept in Billing's audit log)") as HTMLInputElement).value).toBe('Long outage');
});

test("the Billing audit log narrows to one trader once a whole user id is pasted, and says so when there is nothing", async () => {
  const OTHER = '01a24600-0000-7000-8000-000000000001';
  const { fetch, calls } = fakeFetch({
    ...otherPanels,
    [firstPage()]: () => json(200, [subscription()]),
    [`GET ${AUDIT}`]: () => json(200, [auditEntry('grant', 'Goodwill', 'access granted')]),
    [`GET ${AUDIT}?userId=${USER}`]: () => json(200, [auditEntry('cancel', 'Asked to stop', 'canceled now')]),
    [`GET ${AUDIT}?userId=${OTHER}`]: () => json(200, []),
  });
  renderApp(<AdminPage />, { fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });

  const log = await screen.findByRole('table', { name: 'Billing audit log' });
  expect(within(log).getByText('Goodwill')).toBeTruthy();
  const filter = within(screen.getByRole('region', { name: 'Billing audit log' })).getByLabelText('Only this trader (user id)');
  await userEvent.type(filter, USER.slice(0, 10));
  expect(calls.some((c) => c.url.includes('?userId='))).toBe(false);

  await userEvent.clear(filter);
  await userEvent.type(filter, USER);
  await waitFor(() => expect(within(screen.getByRole('table', { name: 'Billing audit log' })).getByText('Asked to stop')).toBeTruthy());

  await userEvent.clear(filter);
  await userEvent.type(filter, OTHER);
  expect(await screen.findByText("No admin has changed this trader's subscription.")).toBeTruthy();
});

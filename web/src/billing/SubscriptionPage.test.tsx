import { expect, test, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SubscriptionPage } from './SubscriptionPage';
import { fakeFetch, json, renderApp } from '../test/helpers';
import type { Subscription } from './types';

const trial: Subscription = {
  userId: 'u1',
  plan: 'standard',
  status: 'trialing',
  entitled: true,
  provider: 'local',
  price: 100,
  currency: 'usd',
  trialEndsAt: '2026-12-15T10:00:00Z',
  trialDaysLeft: 13,
  currentPeriodEnd: null,
  renewsAt: null,
  cancelAtPeriodEnd: false,
  accessEndsAt: '2026-12-15T10:00:00Z',
  graceEndsAt: null,
  paymentFailed: false,
  grantedUntil: null,
  canSubscribe: true,
  canCancel: false,
  canResume: false,
  canManage: false,
};

const active: Subscription = {
  ...trial,
  status: 'active',
  trialDaysLeft: null,
  currentPeriodEnd: '2026-12-31T10:00:00Z',
  renewsAt: '2026-12-31T10:00:00Z',
  accessEndsAt: '2026-12-31T10:00:00Z',
  canSubscribe: false,
  canCancel: true,
  canManage: true,
};

const paidHistory = {
  invoices: [
    {
      id: 'local_in_1',
      status: 'paid',
      amountDue: 100,
      amountPaid: 100,
      currency: 'usd',
      periodStart: '2026-12-01T10:00:00Z',
      periodEnd: '2026-12-31T10:00:00Z',
      hostedInvoiceUrl: null,
      createdAt: '2026-12-01T10:00:00Z',
    },
  ],
  payments: [{ id: 'local_py_1', invoiceId: 'local_in_1', status: 'succeeded', amount: 100, currency: 'usd', occurredAt: '2026-12-01T10:00:00Z' }],
};

test('a trial shows the days left; subscribing with the local provider activates at once and lists the invoice', async () => {
  let subscribed = false;
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/billing/subscription': () => json(200, subscribed ? active : trial),
    'GET /api/v1/billing/history': () => json(200, subscribed ? paidHistory : { invoices: [], payments: [] }),
    'POST /api/v1/billing/subscription/checkout': () => {
      subscribed = true;
      return json(200, { url: null, subscription: active });
    },
  });
  renderApp(<SubscriptionPage />, { fetch, path: '/billing', signedInAs: 'ada@example.test' });

  expect((await screen.findByTestId('subscription-status')).textContent).toBe('Free trial');
  expect(screen.getByTestId('billing-trial-days-left').textContent).toBe('13 days');
  expect(screen.getByTestId('billing-trial-ends').textContent).toBe('Dec 15, 2026');
  expect(await screen.findByText('No invoices yet. Your free trial costs nothing.')).toBeTruthy();

  await userEvent.click(screen.getByRole('button', { name: 'Subscribe for $100.00/month' }));

  expect(await screen.findByText('Active')).toBeTruthy();
  expect(screen.getByTestId('billing-renews-on').textContent).toBe('Dec 31, 2026');
  const invoices = await screen.findByRole('table', { name: 'Invoices' });
  const cells = within(invoices).getAllByRole('cell').map((cell) => cell.textContent);
  expect(cells).toEqual(['Dec 1, 2026', 'Dec 1, 2026 – Dec 31, 2026', '$100.00', 'paid', '—']);
  expect(calls.filter((call) => call.method === 'POST').map((call) => call.url)).toEqual(['/api/v1/billing/subscription/checkout']);
});

test('with Stripe, subscribe and manage send the browser to the URLs Stripe gave', async () => {
  const navigateTo = vi.fn();
  const { fetch } = fakeFetch({
    'GET /api/v1/billing/subscription': () => json(200, { ...trial, provider: 'stripe', canManage: true }),
    'GET /api/v1/billing/history': () => json(200, { invoices: [], payments: [] }),
    'POST /api/v1/billing/subscription/checkout': () =>
      json(200, { url: 'https://checkout.stripe.com/c/pay/cs_test_1', subscription: { ...trial, provider: 'stripe' } }),
    'POST /api/v1/billing/subscription/portal': () => json(200, { url: 'https://billing.stripe.com/p/session/x' }),
  });
  renderApp(<SubscriptionPage navigateTo={navigateTo} />, { fetch, path: '/billing', signedInAs: 'ada@example.test' });

  await userEvent.click(await screen.findByRole('button', { name: 'Subscribe for $100.00/month' }));
  await userEvent.click(screen.getByRole('button', { name: 'Manage billing' }));

  await vi.waitFor(() => expect(navigateTo).toHaveBeenCalledTimes(2));
  expect(navigateTo.mock.calls).toEqual([['https://checkout.stripe.com/c/pay/cs_test_1'], ['https://billing.stripe.com/p/session/x']]);
});

test('canceling keeps access until the period ends and offers to resume', async () => {
  let canceled = false;
  const canceledState: Subscription = { ...active, status: 'canceled', cancelAtPeriodEnd: true, renewsAt: null, canCancel: false, canResume: true };
  const { fetch } = fakeFetch({
    'GET /api/v1/billing/subscription': () => json(200, canceled ? canceledState : active),
    'GET /api/v1/billing/history': () => json(200, paidHistory),
    'POST /api/v1/billing/subscription/cancel': () => {
      canceled = true;
      return json(200, canceledState);
    },
  });
  renderApp(<SubscriptionPage />, { fetch, path: '/billing', signedInAs: 'ada@example.test' });

  await userEvent.click(await screen.findByRole('button', { name: 'Cancel subscription' }));

  expect((await screen.findByTestId('subscription-status')).textContent).toBe('Canceled');
  expect(screen.getByTestId('billing-access-until').textContent).toBe('Dec 31, 2026');
  expect(screen.getByRole('button', { name: 'Resume subscription' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Cancel subscription' })).toBeNull();
});

test('after Stripe Checkout the page says the payment is being activated', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/billing/subscription': () => json(200, { ...trial, provider: 'stripe' }),
    'GET /api/v1/billing/history': () => json(200, { invoices: [], payments: [] }),
  });
  renderApp(<SubscriptionPage />, { fetch, path: '/billing?checkout=success&session_id=cs_1', route: '/billing', signedInAs: 'a@b.test' });

  expect(await screen.findByText('Payment received. Activating your subscription…')).toBeTruthy();
});

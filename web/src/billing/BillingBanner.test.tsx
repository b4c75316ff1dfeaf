import { expect, test } from 'vitest';
import { screen } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { BillingBanner } from './BillingBanner';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAuth } from '../auth/AuthContext';
import { fakeFetch, json, problem, renderApp } from '../test/helpers';
import { subscriptionRequiredType } from './subscriptionRequired';

const base = {
  userId: 'u1',
  plan: 'standard',
  entitled: true,
  provider: 'local',
  price: 100,
  currency: 'usd',
  trialEndsAt: null,
  trialDaysLeft: null,
  currentPeriodEnd: null,
  renewsAt: null,
  cancelAtPeriodEnd: false,
  accessEndsAt: null,
  graceEndsAt: null,
  paymentFailed: false,
  grantedUntil: null,
  canSubscribe: true,
  canCancel: false,
  canResume: false,
  canManage: false,
};

const refused = () =>
  problem(403, {
    type: subscriptionRequiredType,
    title: 'An active subscription is required.',
    detail: 'Your subscription is expired. Subscribe to place orders and run backtests; your data stays readable.',
  });

test('every page says so when the trial ends within three days', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/billing/subscription': () => json(200, { ...base, status: 'trialing', trialDaysLeft: 2, trialEndsAt: '2026-12-03T10:00:00Z' }),
  });
  renderApp(<BillingBanner />, { fetch, path: '/portfolio', signedInAs: 'a@b.test' });

  expect((await screen.findByTestId('billing-banner')).textContent).toContain('Your free trial ends in 2 days.');
  expect(screen.getByRole('link', { name: 'Subscribe' }).getAttribute('href')).toBe('/billing');
});

test('a trial with two weeks left shows no banner', async () => {
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/billing/subscription': () => json(200, { ...base, status: 'trialing', trialDaysLeft: 14 }),
  });
  renderApp(<BillingBanner />, { fetch, path: '/portfolio', signedInAs: 'a@b.test' });

  await screen.findByTestId('location');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(calls.length).toBe(1);
  expect(screen.queryByTestId('billing-banner')).toBeNull();
});

test('a failed payment is shown with the end of the grace period', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/billing/subscription': () =>
      json(200, { ...base, status: 'past_due', paymentFailed: true, graceEndsAt: '2026-12-04T10:00:00Z', canManage: true, canSubscribe: false }),
  });
  renderApp(<BillingBanner />, { fetch, path: '/portfolio', signedInAs: 'a@b.test' });

  expect((await screen.findByTestId('billing-banner')).textContent).toContain(
    'Your last payment failed. Update your payment details before Dec 4, 2026 to keep trading.',
  );
});

function RefusedAction() {
  const { api } = useAuth();
  useQuery({ queryKey: ['orders-probe'], queryFn: () => api.request('GET', '/api/v1/orders'), retry: false });
  return null;
}

test('a request refused with subscription-required anywhere on the page becomes an upgrade prompt', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/billing/subscription': () => json(200, { ...base, status: 'expired', entitled: false }),
    'GET /api/v1/orders': refused,
  });
  renderApp(
    <>
      <BillingBanner />
      <RefusedAction />
    </>,
    { fetch, path: '/orders', signedInAs: 'a@b.test' },
  );

  const prompt = await screen.findByTestId('upgrade-prompt');
  expect(prompt.textContent).toContain('Upgrade to continue.');
  expect(prompt.textContent).toContain('Subscribe to place orders and run backtests');
  expect(screen.getByRole('link', { name: 'See plans' }).getAttribute('href')).toBe('/billing');
});

function ShowsError() {
  const { api } = useAuth();
  const query = useQuery({ queryKey: ['backtest-probe'], queryFn: () => api.request('GET', '/api/v1/backtests'), retry: false });
  return <ErrorAlert error={query.error} />;
}

test('ErrorAlert shows the upgrade prompt instead of an error for subscription-required', async () => {
  const { fetch } = fakeFetch({ 'GET /api/v1/backtests': refused });
  renderApp(<ShowsError />, { fetch, path: '/backtests', signedInAs: 'a@b.test' });

  expect((await screen.findByRole('alert')).textContent).toContain('Upgrade to continue.');
  expect(screen.getByRole('link', { name: 'See plans' })).toBeTruthy();
});

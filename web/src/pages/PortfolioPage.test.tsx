import { expect, test } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PortfolioPage } from './PortfolioPage';
import { fakeFetch, json, problem, renderApp } from '../test/helpers';

const opened = {
  portfolioId: '7d9c5b1e-0000-4000-8000-000000000001',
  userId: 'u1',
  mode: 'paper',
  currency: 'USD',
  cash: 10000,
  equity: 10000,
  positions: [],
  openedAt: '2026-11-21T07:00:00Z',
};

const notYet = () => problem(404, { title: 'Not Found', detail: 'No portfolio for this user yet.' });
const fastPolling = { intervalMs: 10, maxWaitMs: 100 };

test('while the portfolio is being opened the page says so, then shows it when ready', async () => {
  let requests = 0;
  const { fetch } = fakeFetch({
    'GET /api/v1/portfolio': () => (++requests < 4 ? notYet() : json(200, opened)),
  });
  renderApp(<PortfolioPage polling={fastPolling} />, {
    fetch,
    path: '/portfolio',
    signedInAs: 'ada@example.test',
  });

  expect(await screen.findByText('Opening your portfolio…')).toBeTruthy();

  const cash = await screen.findByText('Cash balance');
  expect(cash.nextElementSibling?.textContent).toBe('$10,000.00');
  expect(screen.getByText('Equity').nextElementSibling?.textContent).toBe('$10,000.00');
  expect(screen.getByLabelText('Account mode: Paper').textContent).toBe('Paper');
  expect(screen.getByText('No open positions')).toBeTruthy();
  expect(requests).toBe(4);
});

test('positions are listed with their values when the portfolio holds some', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/portfolio': () =>
      json(200, {
        ...opened,
        cash: 8500,
        equity: 10120.5,
        positions: [
          { symbol: 'AAPL', quantity: 10, averagePrice: 150, marketPrice: 162.05, marketValue: 1620.5, unrealizedPnl: 120.5 },
        ],
      }),
  });
  renderApp(<PortfolioPage polling={fastPolling} />, { fetch, path: '/portfolio', signedInAs: 'a@b.test' });

  const row = (await screen.findByRole('rowheader', { name: 'AAPL' })).closest('tr');
  expect(row).not.toBeNull();
  const cells = within(row as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
  expect(cells).toEqual(['10', '$150.00', '$162.05', '$1,620.50', '$120.50']);
  expect(screen.getByText('Invested').nextElementSibling?.textContent).toBe('$1,620.50');
});

test('if the portfolio never appears the user gets an error and can retry', async () => {
  let ready = false;
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/portfolio': () => (ready ? json(200, opened) : notYet()),
  });
  renderApp(<PortfolioPage polling={fastPolling} />, { fetch, path: '/portfolio', signedInAs: 'a@b.test' });

  const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
  expect(alert.textContent).toMatch(/taking longer than expected/);
  // One first attempt plus maxWaitMs / intervalMs retries, then it stops asking.
  expect(calls).toHaveLength(11);

  ready = true;
  await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
  expect((await screen.findByText('Cash balance')).nextElementSibling?.textContent).toBe('$10,000.00');
});

test('other failures show the server explanation with a retry', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/portfolio': () =>
      problem(403, { title: 'Forbidden', detail: 'Your subscription is not active.' }),
  });
  renderApp(<PortfolioPage polling={fastPolling} />, { fetch, path: '/portfolio', signedInAs: 'a@b.test' });

  expect((await screen.findByRole('alert')).textContent).toBe('Your subscription is not active.');
  expect(screen.getByRole('heading', { name: 'Could not load your portfolio' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
});

import { expect, test } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrategiesPage } from './StrategiesPage';
import { testCatalog } from '../backtest/testCatalog';
import { publishHubMessage } from '../trading/hubBus';
import { fakeFetch, json, problem, renderApp } from '../test/helpers';
import { testRun } from './testRuns';
import type { StrategyRun } from './types';

const symbols = { source: 'simulated', symbols: [{ symbol: 'AAPL', name: 'Apple', referencePrice: 230 }, { symbol: 'MSFT', name: 'Microsoft', referencePrice: 510 }] };
const order = {
  id: 'o1', clientOrderId: 'c1', symbol: 'AAPL', side: 'buy', type: 'market', timeInForce: 'day', quantity: 4, notional: null,
  filledQuantity: 4, averageFillPrice: 230, limitPrice: null, stopPrice: null, status: 'filled', reason: null,
  createdAt: '2026-12-01T10:01:00Z', updatedAt: '2026-12-01T10:01:01Z',
};
const signal = { time: '2026-12-01T10:01:00Z', symbol: 'AAPL', side: 'buy', quantity: 4, orderType: 'market', limitPrice: null, stopPrice: null, orderId: 'o1', status: 'filled' };

function routes(runs: () => StrategyRun[], extra: Record<string, Parameters<typeof fakeFetch>[0][string]> = {}) {
  return fakeFetch({
    'GET /api/v1/strategies/catalog': () => json(200, testCatalog),
    'GET /api/v1/market/symbols': () => json(200, symbols),
    'GET /api/v1/strategies': () => json(200, { items: runs() }),
    ...extra,
  });
}

// Polling slower than any test, so what a test sees after a hub message came from the hub.
const render = (fetch: typeof globalThis.fetch, path = '/strategies') =>
  renderApp(<StrategiesPage pollMs={600_000} />, { fetch, path, route: '/strategies/:id?', signedInAs: 'ada@example.test' });

test('runs are listed with their account, status, stop reason and P&L', async () => {
  const { fetch } = routes(() => [
    testRun(),
    testRun({ id: 'run-2', name: 'Old one', account: 'live', status: 'stopped', stopReason: 'kill-switch', pnl: { realized: -3, unrealized: 0, fees: 0.5, net: -3.5, positions: [] } }),
  ]);
  render(fetch);

  const table = await screen.findByRole('table', { name: 'Strategy runs' });
  expect(within(table).getByTestId('run-status-run-1').textContent).toBe('Running');
  expect(within(table).getByTestId('run-net-run-1').textContent).toBe('$12.50');
  expect(within(table).getByTestId('run-account-run-2').textContent).toBe('LIVE');
  expect(within(table).getByTestId('run-status-run-2').textContent).toBe('Stopped: admin kill switch');
  expect(within(table).getByTestId('run-net-run-2').textContent).toBe('-$3.50');
  expect(within(table).getAllByRole('button', { name: /^Stop / })).toHaveLength(1);
});

test('starting a strategy posts the lab strategy spec with allocation, account and bar interval once, then opens the run', async () => {
  let runs: StrategyRun[] = [];
  const { fetch, calls } = routes(() => runs, {
    'POST /api/v1/strategies': () => {
      runs = [testRun({ id: 'run-9', ordersSent: 0 })];
      return json(201, runs[0]);
    },
    'GET /api/v1/strategies/run-9': () => json(200, { run: runs[0], signals: [], orders: [] }),
  });
  render(fetch);

  const form = await screen.findByRole('form', { name: 'Start a strategy' });
  const fast = within(form).getByRole('spinbutton', { name: /Fast SMA period/ });
  await userEvent.clear(fast);
  await userEvent.type(fast, '5');
  await userEvent.selectOptions(within(form).getByLabelText('Bar interval'), '15 seconds');
  await userEvent.click(within(form).getByRole('button', { name: 'Start on paper' }));

  expect(await screen.findByTestId('run-details')).toBeTruthy();
  expect(screen.getByTestId('location').textContent).toBe('/strategies/run-9');
  const posts = calls.filter((c) => c.method === 'POST');
  expect(posts).toHaveLength(1);
  expect(posts[0]!.body).toEqual({
    strategy: { name: 'sma-crossover', parameters: { symbol: 'AAPL', fastPeriod: 5, slowPeriod: 30 } },
    allocation: 1000,
    account: 'paper',
    barSeconds: 15,
  });
  expect(posts[0]!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  expect(screen.getByTestId('run-no-orders')).toBeTruthy();
});

test('a live start without broker keys links to the broker page', async () => {
  const { fetch } = routes(() => [], {
    'POST /api/v1/strategies': () =>
      problem(422, { type: 'https://tradenova.dev/problems/broker-not-connected', title: 'No broker connected for live trading', detail: 'Connect it first.' }),
  });
  render(fetch);

  const form = await screen.findByRole('form', { name: 'Start a strategy' });
  await userEvent.click(within(form).getByRole('button', { name: 'Live' }));
  expect(screen.getByTestId('strat-live-warning')).toBeTruthy();
  await userEvent.click(within(form).getByRole('button', { name: 'Start on live account' }));

  const refusal = await screen.findByTestId('broker-not-connected');
  expect(within(refusal).getByRole('link').getAttribute('href')).toBe('/broker');
});

test("a run's details show its P&L, positions, last signals and orders, and refresh on the hub's order message for it", async () => {
  let run = testRun({ ordersSent: 0, pnl: { realized: 0, unrealized: 0, fees: 0, net: 0, positions: [] } });
  let orders: unknown[] = [];
  let signals: unknown[] = [];
  const { fetch } = routes(() => [run], { 'GET /api/v1/strategies/run-1': () => json(200, { run, signals, orders }) });
  render(fetch, '/strategies/run-1');

  expect(await screen.findByTestId('run-no-orders')).toBeTruthy();
  run = testRun();
  orders = [order];
  signals = [signal];
  act(() => publishHubMessage('orderFilled', { orderId: 'o1', strategyRunId: 'run-1', symbol: 'AAPL' }));

  const orderTable = await screen.findByRole('table', { name: 'Strategy orders' });
  expect(within(orderTable).getByRole('rowheader', { name: 'AAPL' })).toBeTruthy();
  expect(within(screen.getByRole('table', { name: 'Strategy signals' })).getByText('buy')).toBeTruthy();
  expect(screen.getByTestId('run-pnl-net').textContent).toBe('$12.50');
  expect(screen.getByTestId('run-pnl-unrealized').textContent).toBe('$12.50');
  expect(screen.getByTestId('run-position-AAPL')).toBeTruthy();
});

test('stopping a run posts stop and shows the stopped status', async () => {
  let run = testRun();
  const { fetch, calls } = routes(() => [run], {
    'GET /api/v1/strategies/run-1': () => json(200, { run, signals: [], orders: [] }),
    'POST /api/v1/strategies/run-1/stop': () => {
      run = testRun({ status: 'stopped', stopReason: 'user', stoppedAt: '2026-12-01T10:06:00Z' });
      return json(200, run);
    },
  });
  render(fetch, '/strategies/run-1');

  await userEvent.click(await screen.findByRole('button', { name: 'Stop strategy' }));

  await waitFor(() => expect(screen.getByTestId('run-details-status').textContent).toBe('Stopped by you'));
  expect(screen.getByTestId('run-status-run-1').textContent).toBe('Stopped by you');
  expect(calls.filter((c) => c.url === '/api/v1/strategies/run-1/stop')).toHaveLength(1);
});

test('a fixed position size typed on the form goes with the start as the run sizing', async () => {
  let runs: StrategyRun[] = [];
  const { fetch, calls } = routes(() => runs, {
    'POST /api/v1/strategies': () => {
      runs = [testRun({ id: 'run-8', ordersSent: 0 })];
      return json(201, runs[0]);
    },
    'GET /api/v1/strategies/run-8': () => json(200, { run: runs[0], signals: [], orders: [] }),
  });
  render(fetch);

  const form = await screen.findByRole('form', { name: 'Start a strategy' });
  await userEvent.selectOptions(within(form).getByLabelText('Position size'), 'fixed shares');
  await userEvent.type(within(form).getByRole('spinbutton', { name: 'Shares' }), '3');
  await userEvent.click(within(form).getByRole('button', { name: 'Start on paper' }));

  expect(await screen.findByTestId('run-details')).toBeTruthy();
  const posts = calls.filter((c) => c.method === 'POST');
  expect(posts).toHaveLength(1);
  expect(posts[0]!.body).toMatchObject({ account: 'paper', barSeconds: 60, sizing: { mode: 'fixed-shares', value: 3 } });
});

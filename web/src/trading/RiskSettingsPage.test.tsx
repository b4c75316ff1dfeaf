import { expect, test } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RiskSettingsPage } from './RiskSettingsPage';
import { fakeFetch, json, problem, renderApp } from '../test/helpers';
import type { RiskLimitsResponse } from './apiTypes';

const defaults = {
  maxPositionFraction: 0.1,
  maxOpenPositions: 10,
  dailyLossFraction: 0.05,
  maxDrawdownFraction: 0.15,
  stopLossFraction: 0.05,
  takeProfitFraction: 0.1,
};
const none = { used: 0, limit: 1, usage: 0 };
const response = (limits = defaults, version = 1): RiskLimitsResponse => ({
  userId: 'u1',
  limits,
  defaults,
  version,
  updatedAt: '2026-12-01T10:00:00Z',
  priceCollarFraction: 0.1,
  maxOrdersPerMinute: 30,
  usage: {
    equity: 10000, cash: 10000, startOfDayEquity: 10000, peakEquity: 10000, valuedAt: null, positions: [],
    openPositions: none, dailyLoss: none, drawdown: none, orderRate: none,
  },
  halt: { halted: false, halts: [] },
});

const field = (name: string) => within(screen.getByTestId(`limit-${name}`)).getByRole('textbox');

test('tightening a limit sends only that field as a fraction and shows the new version', async () => {
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/risk/limits': () => json(200, response()),
    'PUT /api/v1/risk/limits': () => json(200, response({ ...defaults, maxPositionFraction: 0.08 }, 2)),
  });
  renderApp(<RiskSettingsPage />, { fetch, path: '/risk', signedInAs: 'ada@example.test' });

  await screen.findByTestId('limit-maxPositionFraction');
  await userEvent.clear(field('maxPositionFraction'));
  await userEvent.type(field('maxPositionFraction'), '8');
  await userEvent.click(screen.getByRole('button', { name: 'Save limits' }));

  expect((await screen.findByTestId('limits-saved')).textContent).toBe('Saved as version 2.');
  expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ maxPositionFraction: 0.08 });
});

test('a loosening past the default shows the server refusal next to the limit it names', async () => {
  const { fetch } = fakeFetch({
    'GET /api/v1/risk/limits': () => json(200, response()),
    'PUT /api/v1/risk/limits': () =>
      problem(403, {
        type: 'https://tradenova.dev/problems/risk-limit-needs-admin',
        title: 'Only an administrator may loosen a limit past the platform default.',
        detail: 'You may tighten any limit; loosening maxPositionFraction past the platform default needs an administrator.',
        fields: ['maxPositionFraction'],
      }),
  });
  renderApp(<RiskSettingsPage />, { fetch, path: '/risk', signedInAs: 'ada@example.test' });

  await screen.findByTestId('limit-maxPositionFraction');
  await userEvent.clear(field('maxPositionFraction'));
  await userEvent.type(field('maxPositionFraction'), '25');
  expect(screen.getByText(/the server will ask for an administrator/)).toBeTruthy();
  await userEvent.click(screen.getByRole('button', { name: 'Save limits' }));

  const alert = await screen.findByTestId('limits-error');
  expect(alert.textContent).toContain('Only an administrator may loosen a limit past the platform default.');
  expect(alert.textContent).toContain('Max position size: the platform default is 10%');
  expect(alert.textContent).not.toContain('maxPositionFraction');
  expect(within(screen.getByTestId('limit-maxPositionFraction')).getByText('Needs an administrator.')).toBeTruthy();
});

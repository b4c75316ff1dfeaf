import { expect, test } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { OptimizationView } from './ResultViews';
import { axisPrice } from './format';
import type { OptimizationResult } from './types';

function optimisation(objective: string): OptimizationResult {
  const row = {
    rank: 1, parameters: { fastPeriod: 12, slowPeriod: 120 }, score: 0.812, feasible: true, totalReturn: 1.25, cagr: 0.041,
    sharpe: 0.812, maxDrawdown: 0.33, profitFactor: 1.9, trades: 41, error: null,
  };
  return {
    objective, search: 'grid', parameters: ['fastPeriod', 'slowPeriod'], constraints: [], evaluated: 1000, valid: 950, feasible: 950,
    top: [row], all: [row], surface: null, bestRun: null, walkForward: null,
  };
}

function headers(): string[] {
  return within(screen.getByTestId('top-sets')).getAllByRole('columnheader').map((th) => th.textContent ?? '');
}

test('the top sets table names the objective column and does not repeat the objective as a metric column', () => {
  render(<OptimizationView result={optimisation('sharpe')} />);

  expect(headers()).toEqual(['#', 'fastPeriod', 'slowPeriod', 'Sharpe (objective)', 'Return', 'CAGR', 'Max DD', 'Trades']);
  expect(headers().filter((h) => h.toLowerCase().includes('sharpe'))).toHaveLength(1);
});

test('an objective that is not a table metric keeps every metric column', () => {
  render(<OptimizationView result={optimisation('calmar')} />);

  expect(headers()).toEqual(['#', 'fastPeriod', 'slowPeriod', 'Calmar (objective)', 'Return', 'CAGR', 'Sharpe', 'Max DD', 'Trades']);
});

test('chart axis prices carry the locale digit grouping', () => {
  expect(axisPrice(4512.3, 'en-US')).toBe('4,512.30');
  expect(axisPrice(1234567.891, 'en-US')).toBe('1,234,567.89');
  expect(axisPrice(98.5, 'en-US')).toBe('98.50');
  expect(axisPrice(4512.3, 'de-DE')).toBe('4.512,30');
});

import { expect, test } from 'vitest';
import { testCatalog } from '../backtest/testCatalog';
import { defaultStrategyForm, liveParameters, toStartRequest, validateStrategyForm } from './strategyForm';
import { statusText } from './format';
import { strategyRunIdOf } from './liveUpdates';

const live = ['AAPL', 'MSFT', 'NVDA'];

test('the default start form trades a live symbol, on paper, with one-minute bars', () => {
  const form = defaultStrategyForm(testCatalog, live);

  expect(form.parameters).toEqual({ symbol: 'AAPL', fastPeriod: '10', slowPeriod: '30' });
  expect(validateStrategyForm(form, testCatalog, live)).toEqual({});
  expect(toStartRequest(form, testCatalog)).toEqual({
    strategy: { name: 'sma-crossover', parameters: { symbol: 'AAPL', fastPeriod: 10, slowPeriod: 30 } },
    allocation: 1000,
    account: 'paper',
    barSeconds: 60,
  });
  expect(form.rule.symbol).toBe('AAPL');
});

test('a symbols list default of placeholders becomes as many live symbols', () => {
  const rotation = {
    name: 'momentum-rotation', displayName: 'Momentum rotation', description: '', exampleParametersJson: '{}',
    parameters: [{ name: 'symbols', type: 'symbols' as const, label: 'Symbols', default: ['AAA', 'BBB'], minItems: 2 }],
  };
  expect(liveParameters(rotation, live)).toEqual({ symbols: 'AAPL, MSFT' });
});

test('symbols without live prices, a zero allocation and the lab range checks are caught by API field names', () => {
  const form = { ...defaultStrategyForm(testCatalog, live), allocation: '0', parameters: { symbol: 'SPX', fastPeriod: '40', slowPeriod: '30' } };

  const errors = validateStrategyForm(form, testCatalog, live);

  expect(errors['strategy.parameters.symbol']).toBe('No live prices for SPX. Live symbols: AAPL, MSFT, NVDA.');
  expect(errors['strategy.parameters.fastPeriod']).toBe('Must be less than the slow period (30).');
  expect(errors.allocation).toBeDefined();
});

test('a named live run on 5-minute bars sends exactly those choices', () => {
  const form = { ...defaultStrategyForm(testCatalog, live), name: ' Apple trend ', account: 'live' as const, barSeconds: 300, allocation: '2500' };
  expect(toStartRequest(form, testCatalog)).toMatchObject({ name: 'Apple trend', account: 'live', barSeconds: 300, allocation: 2500 });
});

test('stop reasons read as sentences', () => {
  expect(statusText({ status: 'running', stopReason: null })).toBe('Running');
  expect(statusText({ status: 'stopped', stopReason: 'risk-halt' })).toBe('Stopped: risk halted trading');
  expect(statusText({ status: 'stopped', stopReason: 'something-new' })).toBe('Stopped: something-new');
});

test('only order messages that carry a strategy run id concern the strategies page', () => {
  expect(strategyRunIdOf('orderFilled', { orderId: 'o1', strategyRunId: 'run-1' })).toBe('run-1');
  expect(strategyRunIdOf('orderUpdated', { orderId: 'o1', strategyRunId: null })).toBeNull();
  expect(strategyRunIdOf('quotes', { strategyRunId: 'run-1' })).toBeNull();
});

test('a position size other than the strategy own is sent as the run sizing, a percent as a fraction', () => {
  const base = defaultStrategyForm(testCatalog, live);
  expect(toStartRequest(base, testCatalog).sizing).toBeUndefined();
  expect(toStartRequest({ ...base, sizingMode: 'fixed-shares', sizingValue: '3' }, testCatalog).sizing).toEqual({ mode: 'fixed-shares', value: 3 });
  expect(toStartRequest({ ...base, sizingMode: 'percent-of-equity', sizingValue: '10' }, testCatalog).sizing).toEqual({ mode: 'percent-of-equity', value: 0.1 });
  expect(toStartRequest({ ...base, sizingMode: 'all-cash', sizingValue: '' }, testCatalog).sizing).toEqual({ mode: 'all-cash' });
});

test('a size without an amount, a fraction of a share and seconds-long bars on a live run are caught before sending', () => {
  const base = defaultStrategyForm(testCatalog, live);
  expect(validateStrategyForm({ ...base, sizingMode: 'fixed-dollars', sizingValue: '' }, testCatalog, live)['sizing.value']).toBe('Must be more than 0.');
  expect(validateStrategyForm({ ...base, sizingMode: 'fixed-shares', sizingValue: '2.5' }, testCatalog, live)['sizing.value']).toBe('A whole number of shares.');
  expect(validateStrategyForm({ ...base, sizingMode: 'percent-of-equity', sizingValue: '150' }, testCatalog, live)['sizing.value']).toBeDefined();
  expect(validateStrategyForm({ ...base, account: 'live', barSeconds: 5 }, testCatalog, live).barSeconds).toBeDefined();
  expect(validateStrategyForm({ ...base, account: 'paper', barSeconds: 5 }, testCatalog, live)).toEqual({});
});

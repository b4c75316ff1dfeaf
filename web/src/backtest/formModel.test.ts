import { expect, test } from 'vitest';
import {
  checkParameter,
  defaultForm,
  defaultOptimization,
  gridSize,
  operand,
  ruleToJson,
  toOptimizationRequest,
  toRequest,
  validateForm,
  validateOptimization,
  validateRule,
} from './formModel';
import { parseSse } from './useJobStream';
import { heatColor } from './ResultViews';
import { testCatalog } from './testCatalog';

const sma = testCatalog.strategies[0]!;
const rsi = testCatalog.strategies[1]!;

test('the default form offers the catalogue defaults and asks for the reference SMA 10/30 crossover as is', () => {
  const form = defaultForm(testCatalog);

  expect(form.strategy).toBe('sma-crossover');
  expect(form.parameters).toEqual({ symbol: 'SPX', fastPeriod: '10', slowPeriod: '30' });
  expect(validateForm(form, testCatalog)).toEqual({});
  expect(toRequest(form, testCatalog)).toEqual({
    initialCash: 100000,
    strategy: { name: 'sma-crossover', parameters: { symbol: 'SPX', fastPeriod: 10, slowPeriod: 30 } },
    fractionalShares: false,
  });
});

test('all cash with the risk rules off and costs sends exactly those choices', () => {
  const form = { ...defaultForm(testCatalog), sizingMode: 'all-cash' as const, riskEnabled: false, commissionPerShare: '0.005', slippageBps: '5' };

  expect(toRequest(form, testCatalog)).toMatchObject({
    sizing: { mode: 'all-cash' },
    risk: { enabled: false },
    commission: { perShare: 0.005, percentOfNotional: 0, perOrder: 0 },
    slippage: { bps: 5 },
  });
});

test('percent of equity is entered in percent and sent as a fraction', () => {
  const form = { ...defaultForm(testCatalog), sizingMode: 'percent-of-equity' as const, sizingValue: '10' };
  expect(toRequest(form, testCatalog).sizing).toEqual({ mode: 'percent-of-equity', value: 0.1 });
  expect(validateForm({ ...form, sizingValue: '150' }, testCatalog)['sizing.value']).toMatch(/at most 100/);
});

test('parameter fields are checked against the catalogue ranges with the API field names', () => {
  const form = { ...defaultForm(testCatalog), parameters: { symbol: 'S P X', fastPeriod: '0', slowPeriod: '30.5' } };

  const errors = validateForm(form, testCatalog);

  expect(errors['strategy.parameters.symbol']).toBeDefined();
  expect(errors['strategy.parameters.fastPeriod']).toBe('Must be from 1 to 500.');
  expect(errors['strategy.parameters.slowPeriod']).toBe('Enter a whole number.');
});

test('the fast period must stay below the slow period', () => {
  const form = { ...defaultForm(testCatalog), parameters: { symbol: 'SPX', fastPeriod: '40', slowPeriod: '30' } };
  expect(validateForm(form, testCatalog)['strategy.parameters.fastPeriod']).toMatch(/less than the slow period/);
});

test('exclusive bounds reject the bound itself', () => {
  const oversold = rsi.parameters.find((p) => p.name === 'oversold')!;
  expect(checkParameter(oversold, '0')).toBe('Must be above 0 below 100.');
  expect(checkParameter(oversold, '0.5')).toBeUndefined();
  expect(checkParameter(oversold, '100')).toBeDefined();
});

test('the rule builder produces the rule document without any code typed', () => {
  const form = { ...defaultForm(testCatalog), strategy: 'rules' };
  form.rule.entry.conditions.push({ left: operand('indicator', { indicator: 'rsi', period: '14' }), op: '<', right: operand('number', { value: '30' }) });

  expect(ruleToJson(form.rule, testCatalog)).toEqual({
    symbols: ['SPX'],
    entry: {
      all: [
        { op: 'crossesAbove', left: { indicator: 'sma', period: 10 }, right: { indicator: 'sma', period: 30 } },
        { op: '<', left: { indicator: 'rsi', period: 14 }, right: 30 },
      ],
    },
    exit: { any: [{ op: 'crossesBelow', left: { indicator: 'sma', period: 10 }, right: { indicator: 'sma', period: 30 } }] },
    sizing: { fractionOfEquity: 1 },
  });
  expect(toRequest(form, testCatalog).strategy).toMatchObject({ name: 'rules' });
});

test('rule errors are named by the JSON path the API uses', () => {
  const rule = defaultForm(testCatalog).rule;
  rule.entry.conditions[0]!.right.period = '0';
  rule.fractionOfEquity = '2';

  const errors = validateRule(rule, testCatalog);

  expect(errors['strategy.parameters.entry.all[0].right.period']).toMatch(/1 to 500/);
  expect(errors['strategy.parameters.sizing.fractionOfEquity']).toBeDefined();
});

test('an optimisation defaults to the two numeric parameters and counts its grid', () => {
  const draft = defaultOptimization(sma);

  expect(draft.ranges.map((r) => r.name)).toEqual(['fastPeriod', 'slowPeriod']);
  expect(gridSize([{ name: 'fastPeriod', min: '5', max: '50', step: '5' }, { name: 'slowPeriod', min: '20', max: '200', step: '20' }])).toBe(100);
  expect(validateOptimization(draft, testCatalog, sma)).toEqual({});
});

test('an optimisation over the plan limit is refused before it is sent', () => {
  const draft = { ...defaultOptimization(sma), ranges: [{ name: 'fastPeriod', min: '1', max: '100', step: '1' }, { name: 'slowPeriod', min: '101', max: '200', step: '1' }] };
  expect(validateOptimization(draft, testCatalog, sma)['optimization.parameters']).toMatch(/10,000 sets/);
});

test('the optimisation request carries ranges, objective, the drawdown constraint and walk-forward', () => {
  const draft = { ...defaultOptimization(sma), objective: 'calmar', maxDrawdown: '20', walkForward: true };

  const body = toOptimizationRequest(defaultForm(testCatalog), draft, testCatalog);

  expect(body.optimization).toMatchObject({
    search: 'grid',
    objective: 'calmar',
    constraints: [{ metric: 'max_drawdown', op: '<', value: 0.2 }],
    walkForward: { inSampleBars: 756, outOfSampleBars: 252 },
  });
});

test('server-sent events are split into complete data payloads', () => {
  const { events, rest } = parseSse('event: job\ndata: {"a":1}\n\nevent: job\ndata: {"a":2}\n\nevent: job\ndata: {"a"');
  expect(events).toEqual(['{"a":1}', '{"a":2}']);
  expect(rest).toBe('event: job\ndata: {"a"');
});

test('the heatmap colours the best cell green, the worst red and excluded cells grey', () => {
  expect(heatColor(2, 0, 2)).toBe('hsl(120, 70%, 55%)');
  expect(heatColor(0, 0, 2)).toBe('hsl(0, 70%, 55%)');
  expect(heatColor(null, 0, 2)).toBe('#334155');
});

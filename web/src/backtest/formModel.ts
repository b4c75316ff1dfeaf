import type { Catalog } from './types';
import { checkParameter, defaultParameters, isNumber, splitSymbols, type FieldErrors } from './parameterFields';
import { defaultRule, ruleToJson, validateRule, type RuleDraft } from './ruleModel';
import type { OptimizationDraft } from './optimizationModel';

/** Pure form logic of the lab: defaults from the catalogue, field checks with the catalogue's ranges, and the request
 * body the API takes. Field names match the API's error names so server errors land next to the same inputs. The
 * parameter checks, the rule builder's draft and the optimisation draft live beside it; this module re-exports them
 * so the form has one surface. */

export * from './parameterFields';
export * from './ruleModel';
export * from './optimizationModel';

export type SizingMode = 'strategy' | 'all-cash' | 'percent-of-equity' | 'fixed-shares' | 'fixed-dollars';

/** How entries are sized (a backtest's and a live run's `sizing`); the percentage is typed as a percent. */
export interface SizingChoice {
  sizingMode: SizingMode;
  sizingValue: string;
}

export function validateSizing(choice: SizingChoice): FieldErrors {
  const errors: FieldErrors = {};
  if (choice.sizingMode === 'percent-of-equity' && !(Number(choice.sizingValue) > 0 && Number(choice.sizingValue) <= 100))
    errors['sizing.value'] = 'A percentage above 0 and at most 100.';
  if ((choice.sizingMode === 'fixed-shares' || choice.sizingMode === 'fixed-dollars') && !(Number(choice.sizingValue) > 0))
    errors['sizing.value'] = 'Must be more than 0.';
  return errors;
}

/** The request's `sizing`, or undefined for the strategy's own. */
export function sizingJson(choice: SizingChoice): { mode: SizingMode; value?: number } | undefined {
  if (choice.sizingMode === 'strategy') return undefined;
  if (choice.sizingMode === 'all-cash') return { mode: 'all-cash' };
  const value = Number(choice.sizingValue);
  return { mode: choice.sizingMode, value: choice.sizingMode === 'percent-of-equity' ? value / 100 : value };
}

export interface BacktestForm extends SizingChoice {
  name: string;
  strategy: string;
  parameters: Record<string, string>;
  rule: RuleDraft;
  start: string;
  end: string;
  initialCash: string;
  fractionalShares: boolean;
  commissionPerShare: string;
  commissionPercent: string;
  commissionPerOrder: string;
  slippageBps: string;
  riskEnabled: boolean;
}

export function defaultForm(catalog?: Catalog): BacktestForm {
  const strategy = catalog?.strategies.find((s) => s.name === 'sma-crossover') ?? catalog?.strategies[0];
  return {
    name: '',
    strategy: strategy?.name ?? 'sma-crossover',
    parameters: defaultParameters(strategy),
    rule: defaultRule(),
    start: '',
    end: '',
    initialCash: '100000',
    sizingMode: 'strategy',
    sizingValue: '',
    fractionalShares: false,
    commissionPerShare: '0',
    commissionPercent: '0',
    commissionPerOrder: '0',
    slippageBps: '0',
    riskEnabled: true,
  };
}

/** The strategy part of a form (the lab's, or the live strategies page's): a catalogue name with its parameters or rule. */
export type StrategyChoice = Pick<BacktestForm, 'strategy' | 'parameters' | 'rule'>;

/** The problems of a strategy choice, by the API's field names (`strategy.name`, `strategy.parameters.…`). */
export function validateStrategyChoice(form: StrategyChoice, catalog: Catalog): FieldErrors {
  const errors: FieldErrors = {};
  const strategy = catalog.strategies.find((s) => s.name === form.strategy);
  if (!strategy) errors['strategy.name'] = 'Choose a strategy.';
  for (const field of strategy?.parameters ?? []) {
    const message = checkParameter(field, form.parameters[field.name] ?? '');
    if (message) errors[`strategy.parameters.${field.name}`] = message;
  }
  const fast = Number(form.parameters.fastPeriod);
  const slow = Number(form.parameters.slowPeriod);
  if (form.parameters.fastPeriod !== undefined && form.parameters.slowPeriod !== undefined && fast >= slow && !errors['strategy.parameters.fastPeriod'])
    errors['strategy.parameters.fastPeriod'] = `Must be less than the slow period (${slow}).`;
  if (strategy?.name === 'rules') Object.assign(errors, validateRule(form.rule, catalog));
  return errors;
}

/** Every problem of the form, by the API's field names. */
export function validateForm(form: BacktestForm, catalog: Catalog): FieldErrors {
  const errors = validateStrategyChoice(form, catalog);
  if (!isNumber(form.initialCash) || Number(form.initialCash) <= 0) errors.initialCash = 'Starting cash must be more than 0.';
  if (form.start && form.end && form.end < form.start) errors.end = 'The end date must not be before the start date.';
  Object.assign(errors, validateSizing(form));
  for (const [field, text] of [
    ['commission.perShare', form.commissionPerShare],
    ['commission.percentOfNotional', form.commissionPercent],
    ['commission.perOrder', form.commissionPerOrder],
    ['slippage.bps', form.slippageBps],
  ] as const) {
    if (!isNumber(text || '0') || Number(text || '0') < 0) errors[field] = 'Must be 0 or more.';
  }
  return errors;
}

export function parametersJson(form: StrategyChoice, catalog: Catalog): Record<string, unknown> {
  const strategy = catalog.strategies.find((s) => s.name === form.strategy);
  if (strategy?.name === 'rules') return ruleToJson(form.rule, catalog);
  const json: Record<string, unknown> = {};
  for (const field of strategy?.parameters ?? []) {
    const text = form.parameters[field.name] ?? '';
    json[field.name] = field.type === 'symbols' ? splitSymbols(text) : field.type === 'symbol' ? text.trim() : Number(text);
  }
  return json;
}

/** The request body of POST /api/v1/backtests: only what differs from the platform defaults is left out. */
export function toRequest(form: BacktestForm, catalog: Catalog): Record<string, unknown> {
  const body: Record<string, unknown> = {
    initialCash: Number(form.initialCash),
    strategy: { name: form.strategy, parameters: parametersJson(form, catalog) },
    fractionalShares: form.fractionalShares,
  };
  if (form.name.trim()) body.name = form.name.trim();
  if (form.start) body.start = form.start;
  if (form.end) body.end = form.end;
  const sizing = sizingJson(form);
  if (sizing) body.sizing = sizing;
  const perShare = Number(form.commissionPerShare || 0);
  const percent = Number(form.commissionPercent || 0);
  const perOrder = Number(form.commissionPerOrder || 0);
  if (perShare > 0 || percent > 0 || perOrder > 0)
    body.commission = { perShare, percentOfNotional: percent / 100, perOrder };
  const bps = Number(form.slippageBps || 0);
  if (bps > 0) body.slippage = { bps };
  if (!form.riskEnabled) body.risk = { enabled: false };
  return body;
}

export function toOptimizationRequest(form: BacktestForm, draft: OptimizationDraft, catalog: Catalog): Record<string, unknown> {
  const body = toRequest(form, catalog);
  const optimization: Record<string, unknown> = {
    parameters: draft.ranges.map((r) => ({ name: r.name, min: Number(r.min), max: Number(r.max), step: Number(r.step) })),
    search: draft.search,
    objective: draft.objective,
  };
  if (draft.search === 'random') optimization.samples = Number(draft.samples);
  if (draft.maxDrawdown) optimization.constraints = [{ metric: 'max_drawdown', op: '<', value: Number(draft.maxDrawdown) / 100 }];
  if (draft.walkForward)
    optimization.walkForward = { inSampleBars: Number(draft.inSampleBars), outOfSampleBars: Number(draft.outOfSampleBars) };
  return { ...body, optimization };
}

import type { Catalog, ParameterField, StrategyInfo } from './types';

/** Pure form logic of the lab: defaults from the catalogue, field checks with the catalogue's ranges, and the request
 * body the API takes. Field names match the API's error names so server errors land next to the same inputs. */

export type SizingMode = 'strategy' | 'all-cash' | 'percent-of-equity' | 'fixed-shares' | 'fixed-dollars';

export interface RuleOperand {
  kind: 'price' | 'number' | 'indicator';
  price: string;
  value: string;
  indicator: string;
  period: string;
  output: string;
}

export interface RuleCondition {
  left: RuleOperand;
  op: string;
  right: RuleOperand;
}

export interface RuleGroup {
  combine: 'all' | 'any';
  conditions: RuleCondition[];
}

export interface RuleDraft {
  symbol: string;
  entry: RuleGroup;
  exit: RuleGroup;
  fractionOfEquity: string;
}

export interface BacktestForm {
  name: string;
  strategy: string;
  parameters: Record<string, string>;
  rule: RuleDraft;
  start: string;
  end: string;
  initialCash: string;
  sizingMode: SizingMode;
  sizingValue: string;
  fractionalShares: boolean;
  commissionPerShare: string;
  commissionPercent: string;
  commissionPerOrder: string;
  slippageBps: string;
  riskEnabled: boolean;
}

export interface RangeDraft {
  name: string;
  min: string;
  max: string;
  step: string;
}

export interface OptimizationDraft {
  ranges: RangeDraft[];
  search: 'grid' | 'random';
  samples: string;
  objective: string;
  maxDrawdown: string;
  walkForward: boolean;
  inSampleBars: string;
  outOfSampleBars: string;
}

export type FieldErrors = Record<string, string>;

export function operand(kind: RuleOperand['kind'], init: Partial<RuleOperand> = {}): RuleOperand {
  return { kind, price: 'close', value: '0', indicator: 'sma', period: '20', output: '', ...init };
}

export function defaultRule(): RuleDraft {
  return {
    symbol: 'SPX',
    entry: {
      combine: 'all',
      conditions: [{ left: operand('indicator', { period: '10' }), op: 'crossesAbove', right: operand('indicator', { period: '30' }) }],
    },
    exit: {
      combine: 'any',
      conditions: [{ left: operand('indicator', { period: '10' }), op: 'crossesBelow', right: operand('indicator', { period: '30' }) }],
    },
    fractionOfEquity: '1',
  };
}

function fieldDefault(field: ParameterField): string {
  return Array.isArray(field.default) ? field.default.join(', ') : String(field.default);
}

export function defaultParameters(strategy: StrategyInfo | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of strategy?.parameters ?? []) values[field.name] = fieldDefault(field);
  return values;
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

export function defaultOptimization(strategy: StrategyInfo | undefined): OptimizationDraft {
  const numeric = (strategy?.parameters ?? []).filter((p) => p.type === 'integer' || p.type === 'number');
  const ranges = numeric.slice(0, 2).map((p) => {
    const value = Number(p.default);
    const step = p.type === 'integer' ? Math.max(1, Math.round(value / 5)) : 1;
    return { name: p.name, min: String(Math.max(p.minimum ?? 1, value - 2 * step)), max: String(value + 2 * step), step: String(step) };
  });
  return { ranges, search: 'grid', samples: '50', objective: 'sharpe', maxDrawdown: '', walkForward: false, inSampleBars: '756', outOfSampleBars: '252' };
}

function isNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

/** Checks one catalogue field; the message says the allowed range. */
export function checkParameter(field: ParameterField, text: string): string | undefined {
  if (field.type === 'symbol') return /^\S{1,32}$/.test(text.trim()) ? undefined : 'A symbol without spaces (at most 32 characters).';
  if (field.type === 'symbols') {
    const symbols = splitSymbols(text);
    if (symbols.length < (field.minItems ?? 1)) return `At least ${field.minItems ?? 1} symbol(s), separated by commas.`;
    return symbols.every((s) => /^\S{1,32}$/.test(s)) ? undefined : 'Symbols without spaces, separated by commas.';
  }
  if (!isNumber(text)) return 'Enter a number.';
  const value = Number(text);
  if (field.type === 'integer' && !Number.isInteger(value)) return 'Enter a whole number.';
  const min = field.minimum ?? undefined;
  const max = field.maximum ?? undefined;
  const tooLow = min !== undefined && (field.exclusiveMinimum ? value <= min : value < min);
  const tooHigh = max !== undefined && (field.exclusiveMaximum ? value >= max : value > max);
  if (tooLow || tooHigh) return `Must be ${rangeText(field)}.`;
  return undefined;
}

export function rangeText(field: ParameterField): string {
  const low = field.minimum ?? null;
  const high = field.maximum ?? null;
  if (low === null && high === null) return 'any number';
  const from = low === null ? '' : `${field.exclusiveMinimum ? 'above' : 'from'} ${low}`;
  const to = high === null ? '' : `${field.exclusiveMaximum ? 'below' : 'to'} ${high}`;
  return [from, to].filter(Boolean).join(' ');
}

export function splitSymbols(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Every problem of the form, by the API's field names. */
export function validateForm(form: BacktestForm, catalog: Catalog): FieldErrors {
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
  if (!isNumber(form.initialCash) || Number(form.initialCash) <= 0) errors.initialCash = 'Starting cash must be more than 0.';
  if (form.start && form.end && form.end < form.start) errors.end = 'The end date must not be before the start date.';
  if (form.sizingMode === 'percent-of-equity' && !(Number(form.sizingValue) > 0 && Number(form.sizingValue) <= 100))
    errors['sizing.value'] = 'A percentage above 0 and at most 100.';
  if ((form.sizingMode === 'fixed-shares' || form.sizingMode === 'fixed-dollars') && !(Number(form.sizingValue) > 0))
    errors['sizing.value'] = 'Must be more than 0.';
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

export function validateRule(rule: RuleDraft, catalog: Catalog): FieldErrors {
  const errors: FieldErrors = {};
  const maxPeriod = catalog.ruleLanguage.maxPeriod;
  if (!/^\S{1,32}$/.test(rule.symbol.trim())) errors['strategy.parameters.symbols[0]'] = 'A symbol without spaces.';
  const fraction = Number(rule.fractionOfEquity);
  if (!(fraction > 0 && fraction <= 1)) errors['strategy.parameters.sizing.fractionOfEquity'] = 'A fraction above 0 and at most 1.';
  for (const part of ['entry', 'exit'] as const) {
    const group = rule[part];
    if (group.conditions.length === 0) errors[`strategy.parameters.${part}`] = 'Add at least one condition.';
    group.conditions.forEach((condition, i) => {
      for (const side of ['left', 'right'] as const) {
        const o = condition[side];
        const path = `strategy.parameters.${part}.${group.combine}[${i}].${side}`;
        if (o.kind === 'number' && !isNumber(o.value)) errors[path] = 'Enter a number.';
        if (o.kind === 'indicator') {
          const period = Number(o.period);
          const info = catalog.ruleLanguage.indicators.find((x) => x.name === o.indicator);
          const needsPeriod = info?.settings.some((s) => s.name === 'period') ?? true;
          if (needsPeriod && !(Number.isInteger(period) && period >= 1 && period <= maxPeriod))
            errors[`${path}.period`] = `A whole number from 1 to ${maxPeriod}.`;
        }
      }
    });
  }
  return errors;
}

function operandJson(o: RuleOperand, catalog: Catalog): unknown {
  if (o.kind === 'number') return Number(o.value);
  if (o.kind === 'price') return o.price;
  const info = catalog.ruleLanguage.indicators.find((x) => x.name === o.indicator);
  const json: Record<string, unknown> = { indicator: o.indicator };
  if (info?.settings.some((s) => s.name === 'period')) json.period = Number(o.period);
  if (o.output && info && info.outputs.length > 1) json.output = o.output;
  return json;
}

function groupJson(group: RuleGroup, catalog: Catalog): unknown {
  return {
    [group.combine]: group.conditions.map((c) => ({ op: c.op, left: operandJson(c.left, catalog), right: operandJson(c.right, catalog) })),
  };
}

/** The rule document (services/Trading/Strategies/Rules/README.md) the builder describes. */
export function ruleToJson(rule: RuleDraft, catalog: Catalog): Record<string, unknown> {
  return {
    symbols: [rule.symbol.trim()],
    entry: groupJson(rule.entry, catalog),
    exit: groupJson(rule.exit, catalog),
    sizing: { fractionOfEquity: Number(rule.fractionOfEquity) },
  };
}

export function parametersJson(form: BacktestForm, catalog: Catalog): Record<string, unknown> {
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
  if (form.sizingMode !== 'strategy') {
    const value = Number(form.sizingValue);
    body.sizing =
      form.sizingMode === 'all-cash'
        ? { mode: 'all-cash' }
        : { mode: form.sizingMode, value: form.sizingMode === 'percent-of-equity' ? value / 100 : value };
  }
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

export function rangeCount(range: RangeDraft): number {
  const min = Number(range.min);
  const max = Number(range.max);
  const step = Number(range.step);
  if (!(step > 0) || !(max >= min)) return 0;
  return Math.floor((max - min) / step + 1e-9) + 1;
}

export function gridSize(ranges: RangeDraft[]): number {
  return ranges.length === 0 ? 0 : ranges.reduce((size, r) => size * rangeCount(r), 1);
}

export function validateOptimization(draft: OptimizationDraft, catalog: Catalog, strategy: StrategyInfo | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.ranges.length === 0) errors['optimization.parameters'] = 'Vary at least one parameter.';
  draft.ranges.forEach((range, i) => {
    const field = strategy?.parameters.find((p) => p.name === range.name);
    if (!field) errors[`optimization.parameters[${i}].name`] = 'Choose a numeric parameter.';
    if (rangeCount(range) === 0) errors[`optimization.parameters[${i}].max`] = 'Max must be at least min, with a step above 0.';
    for (const bound of ['min', 'max'] as const) {
      const message = field ? checkParameter(field, range[bound]) : undefined;
      if (message) errors[`optimization.parameters[${i}].${bound}`] = message;
    }
  });
  const size = draft.search === 'random' ? Math.min(Number(draft.samples), gridSize(draft.ranges)) : gridSize(draft.ranges);
  if (size > catalog.limits.maxOptimizationSets)
    errors['optimization.parameters'] = `${size.toLocaleString('en-US')} sets; your plan allows ${catalog.limits.maxOptimizationSets.toLocaleString('en-US')}.`;
  if (draft.maxDrawdown && !(Number(draft.maxDrawdown) > 0 && Number(draft.maxDrawdown) <= 100))
    errors['optimization.constraints[0].value'] = 'A percentage above 0 and at most 100.';
  return errors;
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

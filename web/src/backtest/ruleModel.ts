import type { Catalog } from './types';
import { isNumber, type FieldErrors } from './parameterFields';

/** The rule builder's draft of a JSON rule strategy: defaults, checks by the API's field paths, and the rule document
 * (services/Trading/Strategies/Rules/README.md) it describes. */

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

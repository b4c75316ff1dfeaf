import type { Catalog, StrategyInfo } from './types';
import { checkParameter, type FieldErrors } from './parameterFields';

/** The optimisation panel's draft: default ranges around the strategy's defaults, the size of the search, and checks
 * by the API's field names (the size limit is the catalogue's). */

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

export function defaultOptimization(strategy: StrategyInfo | undefined): OptimizationDraft {
  const numeric = (strategy?.parameters ?? []).filter((p) => p.type === 'integer' || p.type === 'number');
  const ranges = numeric.slice(0, 2).map((p) => {
    const value = Number(p.default);
    const step = p.type === 'integer' ? Math.max(1, Math.round(value / 5)) : 1;
    return { name: p.name, min: String(Math.max(p.minimum ?? 1, value - 2 * step)), max: String(value + 2 * step), step: String(step) };
  });
  return { ranges, search: 'grid', samples: '50', objective: 'sharpe', maxDrawdown: '', walkForward: false, inSampleBars: '756', outOfSampleBars: '252' };
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

import {
  defaultParameters,
  defaultRule,
  isNumber,
  parametersJson,
  sizingJson,
  splitSymbols,
  validateSizing,
  type SizingChoice,
  validateStrategyChoice,
  type FieldErrors,
  type StrategyChoice,
} from '../backtest/formModel';
import type { Catalog, StrategyInfo } from '../backtest/types';
import type { AccountMode } from '../broker/types';
import type { StartStrategyRequest } from './types';

/** The start form of a live strategy: the lab's strategy choice, plus what only a live run has. */
export interface StrategyForm extends StrategyChoice, SizingChoice {
  name: string;
  allocation: string;
  account: AccountMode;
  barSeconds: number;
}

/** The bar intervals the contract allows (`barSeconds`), default one minute. */
export const barIntervals: { seconds: number; label: string }[] = [
  { seconds: 5, label: '5 seconds' },
  { seconds: 15, label: '15 seconds' },
  { seconds: 60, label: '1 minute' },
  { seconds: 300, label: '5 minutes' },
  { seconds: 900, label: '15 minutes' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86400, label: '1 day' },
];

export const barLabel = (seconds: number) => barIntervals.find((b) => b.seconds === seconds)?.label ?? `${seconds} s`;

export const defaultAllocation = '1000';

/**
 * The catalogue's defaults name backtest symbols (SPX, the lab's bundled index, or placeholders) that live bars do not
 * exist for: a live run starts on symbols of the live universe instead, as many as the default had.
 */
export function liveParameters(strategy: StrategyInfo | undefined, liveSymbols: string[]): Record<string, string> {
  const values = defaultParameters(strategy);
  if (liveSymbols.length === 0) return values;
  const live = new Set(liveSymbols);
  for (const field of strategy?.parameters ?? []) {
    const text = values[field.name] ?? '';
    if (field.type === 'symbol' && !live.has(text.trim())) values[field.name] = liveSymbols[0]!;
    if (field.type === 'symbols') {
      const symbols = splitSymbols(text);
      if (symbols.some((s) => !live.has(s))) {
        const count = Math.min(liveSymbols.length, Math.max(symbols.length, field.minItems ?? 1));
        values[field.name] = liveSymbols.slice(0, count).join(', ');
      }
    }
  }
  return values;
}

export function defaultStrategyForm(catalog: Catalog, liveSymbols: string[]): StrategyForm {
  const strategy = catalog.strategies.find((s) => s.name === 'sma-crossover') ?? catalog.strategies[0];
  return {
    name: '',
    strategy: strategy?.name ?? '',
    parameters: liveParameters(strategy, liveSymbols),
    rule: { ...defaultRule(), symbol: liveSymbols[0] ?? defaultRule().symbol },
    allocation: defaultAllocation,
    account: 'paper',
    barSeconds: 60,
    sizingMode: 'strategy',
    sizingValue: '',
  };
}

/** The symbols a choice trades, and the API field each one came from. */
function symbolsOf(form: StrategyForm, catalog: Catalog): { field: string; symbols: string[] }[] {
  if (form.strategy === 'rules') return [{ field: 'strategy.parameters.symbols[0]', symbols: [form.rule.symbol.trim()] }];
  const strategy = catalog.strategies.find((s) => s.name === form.strategy);
  return (strategy?.parameters ?? [])
    .filter((p) => p.type === 'symbol' || p.type === 'symbols')
    .map((p) => ({
      field: `strategy.parameters.${p.name}`,
      symbols: p.type === 'symbols' ? splitSymbols(form.parameters[p.name] ?? '') : [(form.parameters[p.name] ?? '').trim()],
    }));
}

/** Every problem by the API's field names; symbols are checked against the live universe when it is known. */
export function validateStrategyForm(form: StrategyForm, catalog: Catalog, liveSymbols: string[]): FieldErrors {
  const errors = validateStrategyChoice(form, catalog);
  if (liveSymbols.length > 0) {
    const live = new Set(liveSymbols);
    for (const { field, symbols } of symbolsOf(form, catalog)) {
      const unknown = symbols.filter((s) => s !== '' && !live.has(s.toUpperCase()));
      if (unknown.length > 0 && !errors[field]) errors[field] = `No live prices for ${unknown.join(', ')}. Live symbols: ${liveSymbols.join(', ')}.`;
    }
  }
  Object.assign(errors, validateSizing(form));
  if (form.sizingMode === 'fixed-shares' && !errors['sizing.value'] && !Number.isInteger(Number(form.sizingValue)))
    errors['sizing.value'] = 'A whole number of shares.';
  if (form.account === 'live' && form.barSeconds < 60) errors.barSeconds = 'A live run is built from Alpaca minute bars: 1 minute or longer.';
  if (!isNumber(form.allocation) || Number(form.allocation) <= 0) errors.allocation = 'The capital to allocate, more than $0.';
  if (!barIntervals.some((b) => b.seconds === form.barSeconds)) errors.barSeconds = 'Choose a bar interval.';
  if (form.account !== 'paper' && form.account !== 'live') errors.account = 'Choose paper or live.';
  if (form.name.trim().length > 100) errors.name = 'At most 100 characters.';
  return errors;
}

/** The body of `POST /api/v1/strategies`: a backtest's StrategySpec plus allocation, account, bar interval and sizing (when not the strategy's own). */
export function toStartRequest(form: StrategyForm, catalog: Catalog): StartStrategyRequest {
  const body: StartStrategyRequest = {
    strategy: { name: form.strategy, parameters: parametersJson(form, catalog) },
    allocation: Number(form.allocation),
    account: form.account,
    barSeconds: form.barSeconds,
  };
  if (form.name.trim()) body.name = form.name.trim();
  const sizing = sizingJson(form);
  if (sizing) body.sizing = sizing;
  return body;
}

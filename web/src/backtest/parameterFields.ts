import type { ParameterField, StrategyInfo } from './types';

/** Catalogue parameter fields in the form: their defaults as text, and checks against the catalogue's ranges whose
 * messages say the allowed range. */

export type FieldErrors = Record<string, string>;

function fieldDefault(field: ParameterField): string {
  return Array.isArray(field.default) ? field.default.join(', ') : String(field.default);
}

export function defaultParameters(strategy: StrategyInfo | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of strategy?.parameters ?? []) values[field.name] = fieldDefault(field);
  return values;
}

export function isNumber(text: string): boolean {
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

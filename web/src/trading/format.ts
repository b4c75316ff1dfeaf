import { toNumber } from '../lib/money';

/** `0.0512` → `5.12%`; missing → an em dash. Risk and Portfolio send fractions, not percents. */
export function formatFraction(value: unknown, digits = 2): string {
  const n = toNumber(value);
  if (n === null) return '—';
  const text = (n * 100).toFixed(digits);
  // A tiny loss rounds to "-0.00": show it as zero, as the money formatter does.
  return `${Number(text) === 0 ? (0).toFixed(digits) : text}%`;
}

/** A CSS class for a signed amount: gain, loss or none. */
export function signClass(value: unknown): string {
  const n = toNumber(value);
  return n === null || n === 0 ? '' : n > 0 ? 'gain' : 'loss';
}

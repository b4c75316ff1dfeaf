import { expect, test } from 'vitest';
import { formatMoney, formatQuantity, formatUsd, toNumber } from './money';

test('starting cash is shown as US dollars with grouping and cents', () => {
  expect(formatUsd(10000)).toBe('$10,000.00');
});

test('decimals serialised as strings format the same as numbers', () => {
  expect(formatUsd('10000')).toBe('$10,000.00');
  expect(formatUsd('1234567.891')).toBe('$1,234,567.89');
});

test('losses carry a minus sign and cents are rounded half away from zero', () => {
  expect(formatUsd(-12.5)).toBe('-$12.50');
  expect(formatUsd(0.125)).toBe('$0.13');
});

test('a value that rounds to zero is never shown as negative zero', () => {
  expect(formatUsd(-0.001)).toBe('$0.00');
});

test('missing or non-numeric values show a dash instead of NaN', () => {
  expect(formatUsd(undefined)).toBe('—');
  expect(formatUsd('abc')).toBe('—');
  expect(formatUsd(Number.NaN)).toBe('—');
  expect(toNumber('')).toBeNull();
});

test('other currencies use their own symbol, USD keeps the dollar format', () => {
  expect(formatMoney(10000, 'USD')).toBe('$10,000.00');
  expect(formatMoney(1500, 'EUR')).toBe('€1,500.00');
});

test('quantities keep fractional shares without trailing zeros', () => {
  expect(formatQuantity(12)).toBe('12');
  expect(formatQuantity('0.5')).toBe('0.5');
});

import { expect, test } from 'vitest';
import { normalizeEmail } from './email';

test.each([
  ['alice@example.com', 'alice@example.com'],
  ['Alice@Example.COM', 'alice@example.com'],
  ['\uFF41lice@example.com', 'alice@example.com'],
  ['\u212Alice@example.com', 'klice@example.com'],
  ['x@example.com.', 'x@example.com'],
  ['hans@bücher.de', 'hans@xn--bcher-kva.de'],
])('%s has the key %s', (input, key) => {
  expect(normalizeEmail(input)?.key).toBe(key);
});

test.each([
  'a@b.',
  'x@-example.com',
  'x@example-.com',
  'x@localhost',
  'x@example.123',
  'x@exa_mple.com',
  `x@${'a'.repeat(64)}.com`,
  'a b@example.com',
  '.a@example.com',
  'a..b@example.com',
  '@example.com',
  'a@',
  'a@b@example.com/x',
  'a\u202E@example.com',
])('%s cannot receive mail', (input) => {
  expect(normalizeEmail(input)).toBeNull();
});

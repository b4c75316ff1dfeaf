import { expect, test } from 'vitest';
import { newIdempotencyKey } from './idempotencyKey';

test('without crypto.randomUUID (a page over plain HTTP) the key is still a random v4 UUID', () => {
  // randomUUID lives on Crypto's prototype; shadow it on the instance as an insecure context would lack it.
  Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
  try {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  } finally {
    delete (crypto as { randomUUID?: unknown }).randomUUID;
  }
  expect(typeof crypto.randomUUID).toBe('function');
});

import { expect, test } from 'vitest';
import { hasErrors, validateRegister } from './validation';

const valid = { email: 'trader@example.test', displayName: 'Ada', password: '0123456789' };

test('a complete form with a 10-character password is valid', () => {
  expect(validateRegister(valid)).toEqual({});
  expect(hasErrors(validateRegister(valid))).toBe(false);
});

test('a password of 9 characters is rejected like the server would', () => {
  expect(validateRegister({ ...valid, password: '012345678' }).password).toBe(
    'Password must be at least 10 characters.',
  );
});

test('a password longer than 128 characters is rejected', () => {
  expect(validateRegister({ ...valid, password: 'p'.repeat(128) }).password).toBeUndefined();
  expect(validateRegister({ ...valid, password: 'p'.repeat(129) }).password).toMatch(/at most 128/);
});

test('email must look like an address', () => {
  expect(validateRegister({ ...valid, email: '' }).email).toBe('Enter your email address.');
  expect(validateRegister({ ...valid, email: 'not-an-email' }).email).toMatch(/valid email/);
  expect(validateRegister({ ...valid, email: 'a b@example.test' }).email).toMatch(/valid email/);
  expect(validateRegister({ ...valid, email: '  trader@example.test  ' }).email).toBeUndefined();
});

test('display name is required and bounded', () => {
  expect(validateRegister({ ...valid, displayName: '   ' }).displayName).toBe('Enter a display name.');
  expect(validateRegister({ ...valid, displayName: 'x'.repeat(64) }).displayName).toBeUndefined();
  expect(validateRegister({ ...valid, displayName: 'x'.repeat(65) }).displayName).toMatch(/at most 64/);
});

import { expect, test } from 'vitest';
import { hasErrors, validateRegister } from './validation';

const valid = { email: 'trader@example.test', displayName: 'Ada', password: 'violet-Tram-42' };

test('a complete form with a good password is valid', () => {
  expect(validateRegister(valid)).toEqual({});
  expect(hasErrors(validateRegister(valid))).toBe(false);
});

test('a password of 9 characters is rejected like the server would', () => {
  expect(validateRegister({ ...valid, password: 'violet-42' }).password).toBe('Use at least 10 characters.');
});

test('common, repeated and sequential passwords and the email itself are rejected', () => {
  expect(validateRegister({ ...valid, password: 'password12' }).password).toMatch(/most common/);
  expect(validateRegister({ ...valid, password: 'aaaaaaaaaa' }).password).toMatch(/repeated/);
  expect(validateRegister({ ...valid, password: 'abcdefghijkl' }).password).toMatch(/sequences/);
  expect(validateRegister({ ...valid, password: 'trader-of-2026' }).password).toMatch(/email/);
});

test('a password longer than 128 characters is rejected', () => {
  const long = 'violet-Tram-42-' + 'k'.repeat(113);
  expect(validateRegister({ ...valid, password: long }).password).toBeUndefined();
  expect(validateRegister({ ...valid, password: long + 'x' }).password).toMatch(/at most 128/);
});

test('email must look like an address', () => {
  expect(validateRegister({ ...valid, email: '' }).email).toBe('Enter your email address.');
  expect(validateRegister({ ...valid, email: 'not-an-email' }).email).toMatch(/valid email/);
  expect(validateRegister({ ...valid, email: 'a b@example.test' }).email).toMatch(/valid email/);
  expect(validateRegister({ ...valid, email: '  trader@example.test  ' }).email).toBeUndefined();
  expect(validateRegister({ ...valid, email: 'a@b.' }).email).toMatch(/valid email/);
  expect(validateRegister({ ...valid, email: 'x@-example.com' }).email).toMatch(/valid email/);
});

test('display name is required and bounded', () => {
  expect(validateRegister({ ...valid, displayName: '   ' }).displayName).toBe('Enter a display name.');
  expect(validateRegister({ ...valid, displayName: 'x'.repeat(64) }).displayName).toBeUndefined();
  expect(validateRegister({ ...valid, displayName: 'x'.repeat(65) }).displayName).toMatch(/at most 64/);
  expect(validateRegister({ ...valid, displayName: 'evil\u202Egnp.exe' }).displayName).toMatch(/letters, digits/);
});

import { expect, test } from 'vitest';
import { SAME_AS_CURRENT, validatePasswordChange } from './passwordChange';

const email = 'ada@example.test';
const valid = { currentPassword: 'old staple battery', newPassword: 'new horse stable 42', confirmPassword: 'new horse stable 42' };

test('a new password that keeps the rules, differs and is confirmed passes', () => {
  expect(validatePasswordChange(valid, email)).toEqual({});
});

test('every field must be filled in', () => {
  expect(validatePasswordChange({ currentPassword: '', newPassword: '', confirmPassword: '' }, email)).toEqual({
    currentPassword: 'Enter your current password.',
    newPassword: 'Enter a new password.',
    confirmPassword: 'Type the new password again.',
  });
});

test('the new password follows the registration rules, with the account email', () => {
  expect(validatePasswordChange({ ...valid, newPassword: 'short', confirmPassword: 'short' }, email).newPassword).toBe(
    'Use at least 10 characters.',
  );
  const withEmail = 'ada@example.test!';
  expect(validatePasswordChange({ ...valid, newPassword: withEmail, confirmPassword: withEmail }, email).newPassword).toBe(
    "Don't use your email address in the password.",
  );
});

test('the new password must differ from the current one', () => {
  const same = { ...valid, newPassword: valid.currentPassword, confirmPassword: valid.currentPassword };
  expect(validatePasswordChange(same, email)).toEqual({ newPassword: SAME_AS_CURRENT });
});

test('a confirmation that differs is refused', () => {
  expect(validatePasswordChange({ ...valid, confirmPassword: 'new horse stable 43' }, email)).toEqual({
    confirmPassword: 'The two new passwords do not match.',
  });
});

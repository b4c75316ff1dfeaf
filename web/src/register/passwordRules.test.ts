import { expect, test } from 'vitest';
import cases from './password-rule-cases.json';
import commonPasswords from './common-passwords.json';
import { checkPassword, passwordStrength } from './passwordRules';

// The same file drives Identity's PasswordPolicyTests, so the SPA and the server cannot drift apart.
test.each(cases as { password: string; email: string; rule: string | null }[])(
  'password case %# ($rule) gets the same verdict as on the server',
  ({ password, email, rule }) => {
    expect(checkPassword(password, email)).toBe(rule);
  },
);

test('the bundled list holds the 10,000 most common passwords, lower case', () => {
  expect(commonPasswords).toHaveLength(10_000);
  expect(commonPasswords.slice(0, 2)).toEqual(['123456', 'password']);
  expect(commonPasswords.every((p: string) => p === p.toLowerCase())).toBe(true);
});

test('the meter says why a refused password is too weak', () => {
  expect(passwordStrength('password12', 'ada@example.com')).toEqual({
    level: 0,
    label: 'Too weak',
    reason: 'This is one of the most common passwords; choose another.',
  });
});

test('the meter grows with length and variety once the rules are met', () => {
  expect(passwordStrength('violetmoon', '').level).toBe(1);
  expect(passwordStrength('violet-Tram-42', '').level).toBe(2);
  expect(passwordStrength('violet-Tram-42-sky-Harbour', '').level).toBe(3);
});

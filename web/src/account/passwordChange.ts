import { checkPassword, PASSWORD_RULE_MESSAGES } from '../register/passwordRules';

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export type PasswordChangeErrors = Partial<Record<keyof PasswordChangeInput, string>>;

/** The fields Identity can name in its ValidationProblem; the confirmation never leaves the browser. */
export const SERVER_FIELDS: (keyof PasswordChangeInput)[] = ['currentPassword', 'newPassword'];

export const SAME_AS_CURRENT = 'Choose a password different from the current one.';

/**
 * What the user can learn before a round trip: the new password's rules (the same as registration's, with the account's
 * email), that it differs from the current one and that it was typed the same twice. Identity decides.
 */
export function validatePasswordChange(input: PasswordChangeInput, email: string): PasswordChangeErrors {
  const errors: PasswordChangeErrors = {};
  if (input.currentPassword === '') errors.currentPassword = 'Enter your current password.';

  const broken = checkPassword(input.newPassword, email);
  if (input.newPassword === '') errors.newPassword = 'Enter a new password.';
  else if (input.newPassword === input.currentPassword) errors.newPassword = SAME_AS_CURRENT;
  else if (broken) errors.newPassword = PASSWORD_RULE_MESSAGES[broken];

  if (input.confirmPassword === '') errors.confirmPassword = 'Type the new password again.';
  else if (input.confirmPassword !== input.newPassword) errors.confirmPassword = 'The two new passwords do not match.';
  return errors;
}

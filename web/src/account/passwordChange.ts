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

export type NewPasswordErrors = Pick<PasswordChangeErrors, 'newPassword' | 'confirmPassword'>;

/** A new password and its confirmation, as a change and a reset by link both take them: the registration rules (with
 * the account's email, or '' when it is not known) and the same password typed twice. */
export function validateNewPassword(input: { newPassword: string; confirmPassword: string }, email: string): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  const broken = checkPassword(input.newPassword, email);
  if (input.newPassword === '') errors.newPassword = 'Enter a new password.';
  else if (broken) errors.newPassword = PASSWORD_RULE_MESSAGES[broken];

  if (input.confirmPassword === '') errors.confirmPassword = 'Type the new password again.';
  else if (input.confirmPassword !== input.newPassword) errors.confirmPassword = 'The two new passwords do not match.';
  return errors;
}

/**
 * What the user can learn before a round trip: the new password's rules (the same as registration's, with the account's
 * email), that it differs from the current one and that it was typed the same twice. Identity decides.
 */
export function validatePasswordChange(input: PasswordChangeInput, email: string): PasswordChangeErrors {
  const errors: PasswordChangeErrors = {};
  if (input.currentPassword === '') errors.currentPassword = 'Enter your current password.';
  Object.assign(errors, validateNewPassword(input, email));
  if (input.newPassword !== '' && input.newPassword === input.currentPassword) errors.newPassword = SAME_AS_CURRENT;
  return errors;
}

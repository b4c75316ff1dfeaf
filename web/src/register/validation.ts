import { normalizeEmail, EMAIL_MAX_LENGTH } from './email';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULE_MESSAGES } from './passwordRules';

export interface RegisterInput {
  email: string;
  displayName: string;
  password: string;
}

export type RegisterErrors = Partial<Record<keyof RegisterInput, string>>;

/** Mirrors Identity's RegisterRequestValidator so that the user learns them before a round trip; the server decides. */
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, EMAIL_MAX_LENGTH };
export const DISPLAY_NAME_MAX_LENGTH = 64;

// Control and invisible formatting characters (bidi overrides, zero-width joiners) are refused in display names.
const DISPLAY_NAME_FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u;

export function validateRegister(input: RegisterInput): RegisterErrors {
  const errors: RegisterErrors = {};
  const email = input.email.trim();
  const displayName = input.displayName.trim();
  const normalized = normalizeEmail(email);

  if (email === '') errors.email = 'Enter your email address.';
  else if (email.length > EMAIL_MAX_LENGTH || normalized === null)
    errors.email = 'Enter a valid email address, like name@example.com.';

  if (displayName === '') errors.displayName = 'Enter a display name.';
  else if (displayName.length > DISPLAY_NAME_MAX_LENGTH)
    errors.displayName = `Display name must be at most ${DISPLAY_NAME_MAX_LENGTH} characters.`;
  else if (DISPLAY_NAME_FORBIDDEN.test(displayName))
    errors.displayName = 'Use letters, digits, spaces and punctuation only.';

  const broken = checkPassword(input.password, normalized?.address ?? email);
  if (broken) errors.password = PASSWORD_RULE_MESSAGES[broken];

  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

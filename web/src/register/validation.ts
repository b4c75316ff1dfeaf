export interface RegisterInput {
  email: string;
  displayName: string;
  password: string;
}

export type RegisterErrors = Partial<Record<keyof RegisterInput, string>>;

/** Mirrors Identity's RegisterRequestValidator so that the user learns them before a round trip; the server decides. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const DISPLAY_NAME_MAX_LENGTH = 64;
export const EMAIL_MAX_LENGTH = 254;

// One "@", something on each side, a dot in the domain, no spaces: what a mail address needs to
// be deliverable, without pretending to implement RFC 5322.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateRegister(input: RegisterInput): RegisterErrors {
  const errors: RegisterErrors = {};
  const email = input.email.trim();
  const displayName = input.displayName.trim();

  if (email === '') errors.email = 'Enter your email address.';
  else if (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email))
    errors.email = 'Enter a valid email address, like name@example.com.';

  if (displayName === '') errors.displayName = 'Enter a display name.';
  else if (displayName.length > DISPLAY_NAME_MAX_LENGTH)
    errors.displayName = `Display name must be at most ${DISPLAY_NAME_MAX_LENGTH} characters.`;

  if (input.password.length < PASSWORD_MIN_LENGTH)
    errors.password = `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`;
  else if (input.password.length > PASSWORD_MAX_LENGTH)
    errors.password = `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`;

  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

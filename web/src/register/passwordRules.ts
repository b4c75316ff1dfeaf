import commonPasswordList from './common-passwords.json';

/**
 * The same rules as Identity's PasswordPolicy (services/Identity/Registration/PasswordPolicy.cs), on the same list of the
 * 10,000 most common passwords (Identity embeds common-passwords.json). Both are run against password-rule-cases.json.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
const MIN_DISTINCT_CHARACTERS = 5;
const MIN_CORE_LENGTH = 4;
const MIN_RUN_LENGTH = 3;
const ALLOWED_OUTSIDE_RUNS = 3;

export type PasswordRuleCode = 'too-short' | 'too-long' | 'common' | 'contains-email' | 'repetitive' | 'sequence';

export const PASSWORD_RULE_MESSAGES: Record<PasswordRuleCode, string> = {
  'too-short': `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  'too-long': `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  common: 'This is one of the most common passwords; choose another.',
  'contains-email': "Don't use your email address in the password.",
  repetitive: 'Avoid repeated characters and patterns like aaaa or abcabc.',
  sequence: 'Avoid sequences like 12345, abcde or qwerty.',
};

const COMMON = new Set<string>(commonPasswordList as string[]);

const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'qwertzuiop',
  'azertyuiop',
];

/** The first rule the password breaks, or null when it is acceptable. Lengths are in UTF-16 units, as on the server. */
export function checkPassword(password: string, email: string): PasswordRuleCode | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too-long';
  const lower = password.toLowerCase();
  if (isCommon(lower)) return 'common';
  if (containsEmail(lower, email)) return 'contains-email';
  if (isRepetitive(lower)) return 'repetitive';
  if (isMostlySequence(lower)) return 'sequence';
  return null;
}

const isLetter = (c: string) => /\p{L}/u.test(c);

function isCommon(lower: string): boolean {
  if (COMMON.has(lower)) return true;
  // UTF-16 units, as the server's char loop sees them.
  const chars = lower.trim().split('');
  // Strip digits, symbols and spaces from both ends to find the word inside ("password12" -> "password").
  let start = 0;
  let end = chars.length;
  while (start < end && !isLetter(chars[start]!)) start++;
  while (end > start && !isLetter(chars[end - 1]!)) end--;
  const core = chars.slice(start, end).join('');
  return core.length >= MIN_CORE_LENGTH && COMMON.has(core);
}

function containsEmail(lower: string, email: string): boolean {
  const address = email.trim().toLowerCase();
  if (address === '') return false;
  const at = address.lastIndexOf('@');
  const local = at > 0 ? address.slice(0, at) : address;
  return lower.includes(address) || (local.length >= MIN_RUN_LENGTH && lower.includes(local));
}

function isRepetitive(lower: string): boolean {
  if (new Set(lower.split('')).size < MIN_DISTINCT_CHARACTERS) return true;
  for (let period = 1; period <= Math.floor(lower.length / 2); period++) {
    let repeats = true;
    for (let i = period; i < lower.length && repeats; i++) repeats = lower[i] === lower[i - period];
    if (repeats) return true;
  }
  return false;
}

function follows(a: string, b: string, direction: number): boolean {
  for (const sequence of SEQUENCES) {
    for (let k = sequence.indexOf(a); k >= 0; k = sequence.indexOf(a, k + 1)) {
      const next = k + direction;
      if (next >= 0 && next < sequence.length && sequence[next] === b) return true;
    }
  }
  return false;
}

function stepDirection(a: string, b: string): number {
  if (follows(a, b, 1)) return 1;
  if (follows(a, b, -1)) return -1;
  return 0;
}

function isMostlySequence(lower: string): boolean {
  let covered = 0;
  let i = 0;
  while (i < lower.length - 1) {
    const direction = stepDirection(lower[i]!, lower[i + 1]!);
    let end = i + 1;
    if (direction !== 0) {
      while (end + 1 < lower.length && follows(lower[end]!, lower[end + 1]!, direction)) end++;
    }
    const length = end - i + 1;
    if (direction !== 0 && length >= MIN_RUN_LENGTH) {
      covered += length;
      i = end + 1;
    } else {
      i++;
    }
  }
  return covered >= lower.length - ALLOWED_OUTSIDE_RUNS;
}

export type StrengthLevel = 0 | 1 | 2 | 3;

export interface PasswordStrength {
  level: StrengthLevel;
  label: 'Too weak' | 'Fair' | 'Good' | 'Strong';
  /** Why it is refused, or how to make it stronger; empty when there is nothing to say. */
  reason: string;
}

/**
 * A guide for the meter only: refused (level 0, with the rule's reason) or a rough guess from length and the kinds of
 * characters used. The server decides acceptance by the rules above alone.
 */
export function passwordStrength(password: string, email: string): PasswordStrength {
  const broken = checkPassword(password, email);
  if (broken) return { level: 0, label: 'Too weak', reason: PASSWORD_RULE_MESSAGES[broken] };
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(password)) pool += 33;
  const bits = password.length * Math.log2(Math.max(pool, 2));
  if (bits < 64) return { level: 1, label: 'Fair', reason: 'Longer is stronger: add a few words or characters.' };
  if (bits < 100) return { level: 2, label: 'Good', reason: '' };
  return { level: 3, label: 'Strong', reason: '' };
}

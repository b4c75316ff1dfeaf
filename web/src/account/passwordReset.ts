/** The public page a reset link opens; outside the signed-in layout, like sign-in. */
export const RESET_PASSWORD_PATH = '/reset-password';

/**
 * The link an operator gives a trader. The token rides in the fragment, which browsers never send to a server: not in the
 * page request, not in a Referer.
 */
export function resetLink(token: string, origin: string = window.location.origin): string {
  return `${origin}${RESET_PASSWORD_PATH}#${encodeURIComponent(token)}`;
}

/** The token from the page's `location.hash` ("#<token>"), or '' when the link was cut short. */
export function tokenFromHash(hash: string): string {
  const raw = hash.replace(/^#/, '').trim();
  try {
    return decodeURIComponent(raw);
  } catch {
    // A malformed escape: Identity will refuse it like any other token that is not its own.
    return raw;
  }
}

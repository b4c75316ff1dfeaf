export interface AccessClaims {
  sub?: string;
  email?: string;
  role?: string;
  plan?: string;
  sub_status?: string;
  exp?: number;
}

/**
 * Reads the claims of an access token for display only (email, role). The signature is checked by
 * the gateway and the services; the browser never trusts these values for access decisions.
 */
export function readClaims(token: string | null): AccessClaims | null {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof json === 'object' && json !== null ? (json as AccessClaims) : null;
  } catch {
    return null;
  }
}

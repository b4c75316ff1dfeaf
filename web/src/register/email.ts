/**
 * Mirrors Identity's EmailNormalizer (services/Identity/Registration/EmailNormalizer.cs): NFKC, a trailing dot dropped
 * from the domain, the domain to ASCII (IDNA, through the URL parser) and lower case; refuses addresses that cannot
 * receive mail. The server decides; this only tells the user before a round trip.
 */
export const EMAIL_MAX_LENGTH = 254;
const LOCAL_PART_MAX_LENGTH = 64;
const DOMAIN_MAX_LENGTH = 253;
const LABEL_MAX_LENGTH = 63;
const LOCAL_PART_FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\s"(),:;<>@[\\\]]/u;
// Characters the URL parser would treat as structure rather than as part of a host name.
const DOMAIN_FORBIDDEN = /[\s/\\?#@:%[\]]/u;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export interface NormalizedEmail {
  address: string;
  key: string;
}

export function normalizeEmail(input: string): NormalizedEmail | null {
  const text = input.trim().normalize('NFKC');
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  const local = text.slice(0, at);
  let domain = text.slice(at + 1);
  if (!isLocalPart(local)) return null;
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  const ascii = toAsciiDomain(domain);
  if (ascii === null || !isDeliverableDomain(ascii)) return null;
  const address = `${local}@${ascii}`;
  return address.length > EMAIL_MAX_LENGTH ? null : { address, key: address.toLowerCase() };
}

function isLocalPart(local: string): boolean {
  return (
    local.length > 0 &&
    local.length <= LOCAL_PART_MAX_LENGTH &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    !LOCAL_PART_FORBIDDEN.test(local)
  );
}

function toAsciiDomain(domain: string): string | null {
  if (domain === '' || DOMAIN_FORBIDDEN.test(domain)) return null;
  try {
    return new URL(`http://${domain}/`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function isDeliverableDomain(ascii: string): boolean {
  if (ascii.length > DOMAIN_MAX_LENGTH) return false;
  const labels = ascii.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => label.length <= LABEL_MAX_LENGTH && LABEL.test(label))) return false;
  const topLevel = labels[labels.length - 1]!;
  return topLevel.length >= 2 && !/^[0-9]+$/.test(topLevel);
}

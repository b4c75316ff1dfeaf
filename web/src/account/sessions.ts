/** React Query's key for the user's sessions: the list, and whatever ends sessions, refreshes it. */
export const sessionsKey = ['identity', 'sessions'] as const;

/** A User-Agent as a person names it: "Firefox on Windows". Unknown parts are left out; no agent at all is said so. */
export function describeUserAgent(agent: string | null | undefined): string {
  if (!agent?.trim()) return 'Unknown browser';
  const browser = browserOf(agent);
  const system = systemOf(agent);
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? agent.trim();
}

function browserOf(agent: string): string | null {
  // Order matters: Edge and Opera also say Chrome, and Chrome also says Safari.
  if (/Edg(e|A|iOS)?\//.test(agent)) return 'Edge';
  if (/OPR\/|Opera/.test(agent)) return 'Opera';
  if (/Firefox\/|FxiOS\//.test(agent)) return 'Firefox';
  if (/HeadlessChrome\//.test(agent)) return 'Chrome (headless)';
  if (/Chrome\/|CriOS\//.test(agent)) return 'Chrome';
  if (/Version\/[\d.]+.*Safari\//.test(agent)) return 'Safari';
  return null;
}

function systemOf(agent: string): string | null {
  if (/iPhone|iPad|iPod/.test(agent)) return 'iOS';
  if (/Android/.test(agent)) return 'Android';
  if (/Windows/.test(agent)) return 'Windows';
  if (/Mac OS X|Macintosh/.test(agent)) return 'macOS';
  if (/CrOS/.test(agent)) return 'ChromeOS';
  if (/Linux/.test(agent)) return 'Linux';
  return null;
}

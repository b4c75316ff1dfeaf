/**
 * Where the session's tokens live.
 *
 * Trade-off: the access token (15 minutes) stays only in memory, so script injected later cannot
 * lift it from storage and a closed tab leaves nothing usable behind. The refresh token sits in
 * sessionStorage so that a reload of the tab keeps the user signed in; it is scoped to this tab,
 * cleared when the tab closes, and rotated (a reused one revokes its family on the server). An
 * HttpOnly cookie would hide it from script entirely, but the platform contract returns refresh
 * tokens in the JSON body, so that would need a gateway change.
 */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

type Listener = () => void;

const REFRESH_KEY = 'tradenova.refreshToken';

export class TokenStore {
  private access: string | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly storage: Storage | null;

  constructor(storage: Storage | null = safeSessionStorage()) {
    this.storage = storage;
  }

  get accessToken(): string | null {
    return this.access;
  }

  get refreshToken(): string | null {
    try {
      return this.storage?.getItem(REFRESH_KEY) ?? null;
    } catch {
      return null;
    }
  }

  set(pair: TokenPair): void {
    this.access = pair.accessToken;
    try {
      this.storage?.setItem(REFRESH_KEY, pair.refreshToken);
    } catch {
      // Storage may be full or disabled; the session then lasts as long as the page.
    }
    this.emit();
  }

  clear(): void {
    this.access = null;
    try {
      this.storage?.removeItem(REFRESH_KEY);
    } catch {
      // Nothing to clear.
    }
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null;
  }
}

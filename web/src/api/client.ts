import { ApiError, networkError, responseToError } from './problem';
import type { TokenStore } from '../auth/tokenStore';
import type {
  ChangePasswordRequest,
  LoginRequest,
  Portfolio,
  ResetPasswordRequest,
  RegisterRequest,
  RegisterResponse,
  SessionInfo,
  TokenResponse,
} from './types';

type Fetch = typeof fetch;

export interface ApiClientOptions {
  tokens: TokenStore;
  /** Called once the session cannot be recovered (refresh failed); the app goes back to login. */
  onSessionExpired?: () => void;
  fetch?: Fetch;
}

interface RequestOptions {
  body?: unknown;
  /** Send the bearer token and recover from a 401 with one refresh. Default true. */
  auth?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

/**
 * A small typed client over the gateway. Every URL is relative (`/api/v1/...`): the SPA is served by
 * the gateway, and in development Vite forwards `/api` to it.
 */
export class ApiClient {
  private readonly tokens: TokenStore;
  private readonly fetchImpl: Fetch;
  private onSessionExpired: (() => void) | undefined;
  private refreshing: Promise<boolean> | null = null;

  constructor(options: ApiClientOptions) {
    this.tokens = options.tokens;
    this.onSessionExpired = options.onSessionExpired;
    // Bind so that window.fetch is not called with the client as `this`.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  setSessionExpiredHandler(handler: (() => void) | undefined): void {
    this.onSessionExpired = handler;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.exchange(method, path, options);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * A file from the API (e.g. the trade history CSV): fetched with the bearer token, which a plain link could not
   * send, and handed back as a Blob with the server's file name.
   */
  async download(path: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
    const response = await this.exchange('GET', path, { headers: { Accept: '*/*' } });
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { blob: await response.blob(), fileName: match?.[1] ? decodeURIComponent(match[1]) : fallbackName };
  }

  /** Sends, recovers from one 401 with a refresh, and throws the ProblemDetails of any failure. */
  private async exchange(method: string, path: string, options: RequestOptions): Promise<Response> {
    const auth = options.auth ?? true;
    let response = await this.send(method, path, options, auth);

    if (response.status === 401 && auth) {
      const refreshed = await this.refresh();
      if (!refreshed) {
        this.expireSession();
        throw await responseToError(response);
      }
      response = await this.send(method, path, options, auth);
      if (response.status === 401) {
        this.expireSession();
      }
    }

    if (!response.ok) throw await responseToError(response);
    return response;
  }

  /**
   * Exchanges the refresh token for a new pair. Concurrent 401s share one refresh, because a
   * refresh token is single-use: a second exchange of the same token would revoke the session.
   */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.tokens.refreshToken;
    if (!refreshToken) return false;
    try {
      const response = await this.send(
        'POST',
        '/api/v1/identity/refresh',
        { body: { refreshToken } },
        false,
      );
      // Signed out, or given a new pair (a password change), while this refresh was on its way: its answer is stale,
      // and must neither bring the old session back nor clear the new one.
      const current = this.tokens.refreshToken;
      if (current !== refreshToken) return current !== null;
      if (!response.ok) return false;
      this.storePair((await response.json()) as TokenResponse);
      return true;
    } catch {
      return false;
    }
  }

  private storePair(pair: TokenResponse): void {
    this.tokens.set({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
  }

  private expireSession(): void {
    this.tokens.clear();
    this.onSessionExpired?.();
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    auth: boolean,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...options.headers,
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const token = this.tokens.accessToken;
    if (auth && token) headers.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method, headers };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    if (options.signal) init.signal = options.signal;
    try {
      return await this.fetchImpl(path, init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw networkError(cause);
    }
  }

  // --- Identity ---------------------------------------------------------------------------------

  register(body: RegisterRequest): Promise<RegisterResponse> {
    return this.request('POST', '/api/v1/identity/register', { body, auth: false });
  }

  async login(body: LoginRequest): Promise<TokenResponse> {
    const pair = await this.request<TokenResponse>('POST', '/api/v1/identity/login', {
      body,
      auth: false,
    });
    this.storePair(pair);
    return pair;
  }

  /**
   * Signs out here at once, then asks Identity to end the session so that its refresh token cannot be used again.
   * The call is best effort and never rejects: a failure leaves a token that expires on its own, and the user must not
   * stay signed in (or wait) because the server could not be reached. The promise only tells tests when it is done.
   */
  async logout(): Promise<void> {
    const refreshToken = this.tokens.refreshToken;
    this.tokens.clear();
    if (!refreshToken) return;
    try {
      await this.send('POST', '/api/v1/identity/logout', { body: { refreshToken } }, false);
    } catch {
      // Offline or refused: the local sign-out above is what the user asked for.
    }
  }

  /** Changes the password; Identity signs out every other session and answers with this one's new pair. */
  async changePassword(body: ChangePasswordRequest): Promise<void> {
    this.storePair(await this.request<TokenResponse>('POST', '/api/v1/identity/password', { body }));
  }

  /**
   * Sets a new password with a reset link's token, anonymously: the visitor may be signed in as someone else, and the
   * token alone says whose password it is. Identity ends every session of that user.
   */
  resetPassword(body: ResetPasswordRequest): Promise<void> {
    return this.request('POST', '/api/v1/identity/password/reset', { body, auth: false });
  }

  /** The user's sessions that can still refresh, the latest active first; `current` is this browser's. */
  listSessions(signal?: AbortSignal): Promise<SessionInfo[]> {
    return this.request('GET', '/api/v1/identity/sessions', signal ? { signal } : {});
  }

  /** Ends one session (another device's); its refresh token stops working. */
  endSession(id: string): Promise<void> {
    return this.request('DELETE', `/api/v1/identity/sessions/${encodeURIComponent(id)}`);
  }

  /** Ends every session of the user on the server, this one included; the tokens go only once the server agreed. */
  async endAllSessions(): Promise<void> {
    await this.request('DELETE', '/api/v1/identity/sessions');
    this.tokens.clear();
  }

  // --- Portfolio --------------------------------------------------------------------------------

  getPortfolio(signal?: AbortSignal): Promise<Portfolio> {
    return this.request('GET', '/api/v1/portfolio', signal ? { signal } : {});
  }
}

export { ApiError };

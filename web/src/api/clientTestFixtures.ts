import { TokenStore } from '../auth/tokenStore';

/** What the client tests share: a portfolio as the API returns it, and a token store signed in. */
export const portfolio = {
  portfolioId: 'p1',
  userId: 'u1',
  mode: 'paper',
  currency: 'USD',
  cash: 10000,
  equity: 10000,
  positions: [],
  openedAt: '2026-11-21T07:00:00Z',
};

export function signedIn(access = 'old-access', refresh = 'old-refresh') {
  const tokens = new TokenStore(sessionStorage);
  tokens.set({ accessToken: access, refreshToken: refresh });
  return tokens;
}

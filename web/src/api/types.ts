/** Response shapes from docs/platform-contract.md. Decimals arrive as numbers (or strings). */
export type Decimal = number | string;

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
}

export interface RegisterResponse {
  userId: string;
  email: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** A new password set with the one-time token of a reset link an operator issued (`POST /api/v1/identity/password/reset`). */
export interface ResetPasswordRequest {
  token: string;
  newPassword: string;
}

/** One sign-in that can still refresh (`GET /api/v1/identity/sessions`). */
export interface SessionInfo {
  id: string;
  signedInAt: string;
  lastActiveAt: string;
  expiresAt: string;
  clientAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface TokenResponse {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  refreshToken: string;
}

export interface Position {
  symbol: string;
  quantity: Decimal;
  averagePrice?: Decimal;
  marketPrice?: Decimal;
  marketValue?: Decimal;
  unrealizedPnl?: Decimal;
  costBasis?: Decimal;
  unrealizedPnlPercent?: Decimal;
  weight?: Decimal;
}

export interface Portfolio {
  portfolioId: string;
  userId: string;
  mode: string;
  currency: string;
  cash: Decimal;
  equity: Decimal;
  positions: Position[];
  openedAt: string;
}

/** Execution's broker and account shapes (services/Execution/Apis: BrokerConnectionResponse, TradingAccountResponse). */

export type AccountMode = 'paper' | 'live';
export type BrokerEnvironment = 'paper' | 'live';

/** `GET /api/v1/broker/connection`: what may be shown of the user's Alpaca keys. Never the secret. */
export interface BrokerConnection {
  broker: string;
  environment: BrokerEnvironment;
  /** Masked by the server: the first two and last four characters. */
  keyId: string;
  accountNumber: string;
  accountStatus: string | null;
  status: 'connected' | string;
  /** When Alpaca last verified the keys (they are verified on every save). */
  connectedAt: string;
}

/** The body of `PUT /api/v1/broker/connection`. Write-only. */
export interface BrokerConnectionRequest {
  broker: 'alpaca';
  environment: BrokerEnvironment;
  keyId: string;
  secretKey: string;
}

/** `GET|PUT /api/v1/execution/account`: where the user's orders go by default. */
export interface TradingAccount {
  userId: string;
  mode: AccountMode;
  createdAt: string;
}

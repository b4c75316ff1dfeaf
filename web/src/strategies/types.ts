import type { Decimal } from '../api/types';
import type { Catalog } from '../backtest/types';
import type { AccountMode } from '../broker/types';
import type { Order } from '../trading/apiTypes';

/** Live strategies (docs/platform-contract.md, "Live strategies"): Execution's shapes. */

export type StopReason = 'user' | 'risk-halt' | 'kill-switch' | 'subscription-lapsed' | 'error';

export interface StrategyPosition {
  symbol: string;
  quantity: Decimal;
  averagePrice: Decimal;
  marketPrice: Decimal | null;
  marketValue: Decimal | null;
  unrealizedPnl: Decimal | null;
}

export interface StrategyPnl {
  realized: Decimal;
  unrealized: Decimal;
  fees: Decimal;
  net: Decimal;
  positions: StrategyPosition[];
}

export interface StrategyRun {
  id: string;
  name: string | null;
  strategy: { name: string; parameters: unknown };
  symbols: string[];
  allocation: Decimal;
  account: AccountMode;
  barSeconds: number;
  status: 'running' | 'stopped' | string;
  stopReason: StopReason | string | null;
  stopDetail: string | null;
  startedAt: string;
  stoppedAt: string | null;
  lastBarAt: string | null;
  barsProcessed: number;
  ordersSent: number;
  pnl: StrategyPnl;
  sizing?: { mode: string; value: Decimal | null };
  /** Where the run's bars come from: `simulated` (paper) or `alpaca-iex`/`alpaca-sip` (live). */
  barSource?: string;
}

export interface StrategySignal {
  time: string;
  symbol: string;
  side: 'buy' | 'sell' | string;
  quantity: Decimal | null;
  orderType: string;
  limitPrice: Decimal | null;
  stopPrice: Decimal | null;
  orderId: string | null;
  status: string;
}

export interface StrategyRunDetails {
  run: StrategyRun;
  signals: StrategySignal[];
  orders: Order[];
}

export interface StartStrategyRequest {
  name?: string;
  strategy: { name: string; parameters: Record<string, unknown> };
  allocation: number;
  account: AccountMode;
  barSeconds: number;
  sizing?: { mode: string; value?: number };
}

/** `GET /api/v1/strategies/catalog`: the lab's catalogue, plus what a live run adds (when the server names them). */
export type LiveCatalog = Catalog & { barSeconds?: number[]; maxRunningPerUser?: number };

import type { Decimal } from '../api/types';

/** Execution's `OrderResponse` (`GET /api/v1/orders`, `DELETE /api/v1/orders/{id}`). */
export interface Order {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: 'buy' | 'sell';
  type: string;
  timeInForce: string;
  quantity: Decimal | null;
  notional: Decimal | null;
  filledQuantity: Decimal;
  averageFillPrice: Decimal | null;
  fees?: Decimal;
  limitPrice: Decimal | null;
  stopPrice: Decimal | null;
  stopLossPrice?: Decimal | null;
  takeProfitPrice?: Decimal | null;
  status: string;
  reason: string | null;
  reasonCodes?: string[];
  parentOrderId?: string | null;
  bracketLeg?: string | null;
  createdAt?: string;
  updatedAt: string;
}

/** Execution's `OrderPage` and Portfolio's `PagedResponse<T>`: the same shape. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Portfolio's `TradeResponse`: one fill of the trade history. */
export interface Trade {
  fillId: string;
  orderId: string;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: Decimal;
  price: Decimal;
  fee: Decimal;
  amount: Decimal;
  cashChange: Decimal;
  realizedPnl: Decimal;
  positionAfter: Decimal;
  filledAt: string;
  clientOrderId: string | null;
}

/** Portfolio's `EquityPointResponse` (`GET /api/v1/portfolio/equity`). */
export interface EquityPoint {
  time: string;
  equity: Decimal;
  drawdown: Decimal;
  kind: 'daily' | 'intraday' | 'live' | string;
}

/** Risk's `RiskLimitsDto`: fractions of equity (0.10 = 10%) and a count. */
export interface RiskLimits {
  maxPositionFraction: number;
  maxOpenPositions: number;
  dailyLossFraction: number;
  maxDrawdownFraction: number;
  stopLossFraction: number;
  takeProfitFraction: number;
}

export interface LimitUsage {
  used: number;
  limit: number;
  usage: number;
}

export interface PositionUsage {
  symbol: string;
  quantity: number;
  marketValue: number;
  fractionOfEquity: number;
  limit: number;
  usage: number;
}

export interface RiskUsage {
  equity: number;
  cash: number;
  startOfDayEquity: number;
  peakEquity: number;
  valuedAt: string | null;
  positions: PositionUsage[];
  openPositions: LimitUsage;
  dailyLoss: LimitUsage;
  drawdown: LimitUsage;
  orderRate: LimitUsage;
}

/** `GET /api/v1/risk/limits` (also the answer of `PUT`). */
export interface RiskLimitsResponse {
  userId: string;
  limits: RiskLimits;
  defaults: RiskLimits;
  version: number;
  updatedAt: string;
  priceCollarFraction: number;
  maxOrdersPerMinute: number;
  usage: RiskUsage;
  halt: { halted: boolean; halts: { code: string; reason: string; since?: string | null; until?: string | null; canResume: boolean }[] };
}

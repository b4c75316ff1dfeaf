import type { Decimal, Portfolio } from '../api/types';

/** `GET /api/v1/portfolio` as Portfolio (wip/riskpf) serves it; the extra fields are optional until it lands. */
export interface Account extends Portfolio {
  buyingPower?: Decimal;
  positionsValue?: Decimal;
  dayPnl?: Decimal;
  dayPnlPercent?: Decimal;
  unrealizedPnl?: Decimal;
  realizedPnl?: Decimal;
  fees?: Decimal;
  startOfDayEquity?: Decimal;
  peakEquity?: Decimal;
  drawdown?: Decimal;
  valuedAt?: string;
}

/** Hub `quotes` item. */
export interface Quote {
  symbol: string;
  last: Decimal;
  bid?: Decimal;
  ask?: Decimal;
  previousClose?: Decimal;
  change?: Decimal;
  changePercent?: Decimal;
  timestamp?: string;
}

/** Hub `tradingHalted` payload and one entry of Risk's `GET /halt`. */
export interface Halt {
  code: string;
  reason: string;
  since?: string;
  haltedAt?: string;
  until?: string | null;
  canResume?: boolean;
}

export interface HaltState {
  halted: boolean;
  halts: Halt[];
}

import { toNumber } from '../lib/money';
import type { Account, Halt, HaltState, Quote } from './types';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Re-marks the open positions at the hub's latest quotes so P&L moves between the (throttled)
 * `portfolioUpdated` revaluations. Equity and day P&L follow the change in market value.
 */
export function applyQuotes(account: Account, quotes: Quote[]): Account {
  const last = new Map<string, number>();
  for (const q of quotes) {
    const price = toNumber(q.last);
    if (price !== null) last.set(q.symbol, price);
  }
  let delta = 0;
  let changed = false;
  const positions = (account.positions ?? []).map((p) => {
    const price = last.get(p.symbol);
    const qty = toNumber(p.quantity);
    if (price === undefined || qty === null) return p;
    const avg = toNumber(p.averagePrice) ?? 0;
    const oldValue = toNumber(p.marketValue) ?? qty * (toNumber(p.marketPrice) ?? price);
    const marketValue = round2(qty * price);
    delta += marketValue - oldValue;
    changed = true;
    const costBasis = Math.abs(avg * qty);
    const unrealizedPnl = round2((price - avg) * qty);
    return {
      ...p,
      marketPrice: price,
      marketValue,
      unrealizedPnl,
      ...(costBasis > 0 ? { unrealizedPnlPercent: Math.round((unrealizedPnl / costBasis) * 1e6) / 1e6 } : {}),
    };
  });
  if (!changed) return account;
  const shift = (v: unknown) => {
    const n = toNumber(v);
    return n === null ? v : round2(n + delta);
  };
  const equity = toNumber(shift(account.equity));
  return {
    ...account,
    // Weights follow the new market values against the new equity.
    positions:
      equity !== null && equity > 0
        ? positions.map((p) => ({ ...p, weight: Math.round(((toNumber(p.marketValue) ?? 0) / equity) * 1e6) / 1e6 }))
        : positions,
    equity: shift(account.equity) as Account['equity'],
    dayPnl: account.dayPnl === undefined ? undefined : (shift(account.dayPnl) as Account['dayPnl']),
    unrealizedPnl:
      account.unrealizedPnl === undefined ? undefined : (shift(account.unrealizedPnl) as Account['unrealizedPnl']),
  };
}

/** Folds the hub's halt messages into the halt state read from Risk's `GET /halt`. */
export function applyHaltMessage(state: HaltState, name: string, payload: unknown): HaltState {
  if (name === 'tradingHalted') {
    const halt = payload as Halt;
    const halts = [...state.halts.filter((h) => h.code !== halt.code), {
      ...halt,
      since: halt.since ?? halt.haltedAt,
      canResume: halt.canResume ?? halt.code === 'risk.drawdown_halt',
    }];
    return { halted: true, halts };
  }
  // A resume lifts the user-resumable halts; the caller re-reads Risk's state for any other that stays.
  if (name === 'tradingResumed') {
    const halts = state.halts.filter((h) => !(h.canResume ?? h.code === 'risk.drawdown_halt'));
    return { halted: halts.length > 0, halts };
  }
  return state;
}

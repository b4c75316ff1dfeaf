import { formatQuantity, formatUsd, toNumber } from '../lib/money';

/** The order ticket's form state and its client-side checks, mirroring Execution's OrderRequestValidator. */
export type Side = 'buy' | 'sell';
export type OrderType = 'market' | 'limit' | 'stop' | 'stop_limit';
export type TimeInForce = 'day' | 'gtc' | 'ioc' | 'fok';
export type SizeMode = 'quantity' | 'notional';

export interface TicketForm {
  symbol: string;
  side: Side;
  type: OrderType;
  timeInForce: TimeInForce;
  sizeMode: SizeMode;
  size: string;
  limitPrice: string;
  stopPrice: string;
  stopLoss: string;
  takeProfit: string;
}

export const emptyTicket: TicketForm = {
  symbol: '',
  side: 'buy',
  type: 'market',
  timeInForce: 'day',
  sizeMode: 'quantity',
  size: '',
  limitPrice: '',
  stopPrice: '',
  stopLoss: '',
  takeProfit: '',
};

export const needsLimitPrice = (t: OrderType) => t === 'limit' || t === 'stop_limit';
export const needsStopPrice = (t: OrderType) => t === 'stop' || t === 'stop_limit';

/** `POST /api/v1/orders` body. */
export interface OrderRequest {
  symbol: string;
  side: Side;
  type: OrderType;
  timeInForce: TimeInForce;
  quantity?: number;
  notional?: number;
  limitPrice?: number;
  stopPrice?: number;
  stopLoss?: number;
  takeProfit?: number;
}

/** `POST /api/v1/risk/preview` body (Risk names the bracket legs differently). */
export interface PreviewRequest {
  symbol: string;
  side: Side;
  orderType: OrderType;
  quantity?: number;
  notional?: number;
  limitPrice?: number;
  stopLossPrice?: number;
  takeProfitPrice?: number;
}

/** `POST /api/v1/risk/preview` answer: what the pre-trade check would say now, and the bracket that would attach. */
export interface PreviewResult {
  approved: boolean;
  violations: { code: string; message: string }[];
  symbol?: string;
  quantity?: number;
  referencePrice?: number;
  isOpening?: boolean;
  stopLossPrice?: number | null;
  takeProfitPrice?: number | null;
}

/**
 * The ticket's reading of a preview: the size Risk judged and its value at the reference price (the limit price for a
 * limit order, else the last price), and what protects the position once the order fills. Null where Risk did not say.
 */
export function describePreview(order: OrderRequest, result: PreviewResult): { size: string | null; bracket: string | null } {
  const price = toNumber(result.referencePrice);
  const quantity = toNumber(result.quantity);
  const verb = order.side === 'buy' ? 'Buy' : 'Sell';
  const priced = price !== null && price > 0;
  const at = order.limitPrice !== undefined ? 'at the limit' : 'at about';
  let size: string | null = null;
  if (quantity !== null && quantity > 0 && priced) {
    const shares = order.notional !== undefined ? `about ${formatQuantity(quantity)}` : formatQuantity(quantity);
    size = `${verb} ${shares} ${order.symbol} ${at} ${formatUsd(price)}: ${formatUsd(quantity * price)}.`;
  } else if (order.notional !== undefined && !priced) {
    size = `${verb} ${formatUsd(order.notional)} of ${order.symbol}; there is no price for it yet.`;
  }

  let bracket: string | null = null;
  if (result.isOpening === false) {
    bracket = 'It reduces your position, so no stop-loss or take-profit is attached.';
  } else if (result.isOpening === true) {
    const stopLoss = toNumber(result.stopLossPrice);
    const takeProfit = toNumber(result.takeProfitPrice);
    const legs = [
      stopLoss !== null ? `stop-loss at ${formatUsd(stopLoss)}` : null,
      takeProfit !== null ? `take-profit at ${formatUsd(takeProfit)}` : null,
    ].filter((leg): leg is string => leg !== null);
    bracket = legs.length === 2
      ? `Once it fills: ${legs[0]} and ${legs[1]}, one cancelling the other.`
      : legs.length === 1
        ? `Once it fills: ${legs[0]}.`
        : 'No stop-loss or take-profit will be attached.';
  }

  return { size, bracket };
}

/** After this long a preview's price may be well off the market: the ticket says so and offers to check again. */
export const PREVIEW_STALE_MS = 30_000;

/**
 * How old a preview is, as the ticket shows it under the check. Risk checks the order again when it is sent, so an old
 * preview places nothing it should not; the size and value it states can be out of date, though.
 */
export function describePreviewAge(checkedAt: number, now: number): { text: string; stale: boolean } {
  const seconds = Math.max(0, Math.floor((now - checkedAt) / 1000));
  const age = seconds < 5 ? 'just now' : seconds < 60 ? `${seconds} s ago` : `${Math.floor(seconds / 60)} min ago`;
  const stale = now - checkedAt >= PREVIEW_STALE_MS;
  return {
    text: stale
      ? `Checked ${age}: prices have moved since. Check again for the size and value at the current price; Risk checks the order again when it is sent in any case.`
      : `Checked ${age}.`,
    stale,
  };
}

/** One entry of `GET /api/v1/market/quotes` (`changePercent` in percent, against the previous close). */
export interface Quote {
  symbol: string;
  last: number;
  bid: number;
  ask: number;
  previousClose: number;
  change: number;
  changePercent: number;
  timestamp: string;
}

/** `Bid $215.48 · Ask $215.54 · Last $215.51, +0.42% today (simulated)`: the ticket's line for the chosen symbol. */
export function describeQuote(quote: Quote, source: string): string {
  const percent = toNumber(quote.changePercent);
  const change = percent === null ? '' : `, ${percent > 0 ? '+' : ''}${percent.toFixed(2)}% today`;
  const origin = source === 'simulated' ? ' (simulated)' : '';
  return `Bid ${formatUsd(quote.bid)} · Ask ${formatUsd(quote.ask)} · Last ${formatUsd(quote.last)}${change}${origin}`;
}

const decimals = (text: string) => (text.includes('.') ? text.split('.')[1]!.length : 0);

function parsePositive(text: string, field: string, errors: Record<string, string>, maxDecimals: number) {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || n <= 0) errors[field] = 'Must be greater than zero.';
  else if (decimals(trimmed) > maxDecimals) errors[field] = `At most ${maxDecimals} decimal places.`;
  return n;
}

/** Field errors keyed like the server's ProblemDetails `errors`; empty when the ticket may be sent. */
export function validateTicket(form: TicketForm): { errors: Record<string, string>; order?: OrderRequest } {
  const errors: Record<string, string> = {};
  if (!form.symbol.trim()) errors.symbol = 'Choose a symbol.';
  if ((form.timeInForce === 'ioc' || form.timeInForce === 'fok') && needsStopPrice(form.type))
    errors.timeInForce = 'ioc and fok apply to market and limit orders only.';

  const size = parsePositive(form.size, form.sizeMode, errors, form.sizeMode === 'notional' ? 2 : 6);
  if (size === undefined) errors[form.sizeMode] = 'Required.';
  else if (form.sizeMode === 'notional' && form.type !== 'market')
    errors.notional = 'Notional (dollar) orders must be market orders.';
  else if (form.sizeMode === 'quantity' && form.type !== 'market' && !Number.isInteger(size) && !errors.quantity)
    errors.quantity = 'Fractional quantities are allowed for market orders only.';

  const limitPrice = needsLimitPrice(form.type) ? parsePositive(form.limitPrice, 'limitPrice', errors, 4) : undefined;
  if (needsLimitPrice(form.type) && limitPrice === undefined) errors.limitPrice = `Required for ${form.type} orders.`;
  const stopPrice = needsStopPrice(form.type) ? parsePositive(form.stopPrice, 'stopPrice', errors, 4) : undefined;
  if (needsStopPrice(form.type) && stopPrice === undefined) errors.stopPrice = `Required for ${form.type} orders.`;

  const stopLoss = parsePositive(form.stopLoss, 'stopLoss', errors, 4);
  const takeProfit = parsePositive(form.takeProfit, 'takeProfit', errors, 4);
  if (stopLoss !== undefined && takeProfit !== undefined && !errors.stopLoss && !errors.takeProfit) {
    if (form.side === 'buy' && stopLoss >= takeProfit)
      errors.stopLoss = 'For a buy the stop-loss must be below the take-profit.';
    if (form.side === 'sell' && stopLoss <= takeProfit)
      errors.stopLoss = 'For a sell the stop-loss must be above the take-profit.';
  }

  if (Object.keys(errors).length > 0) return { errors };
  const order: OrderRequest = {
    symbol: form.symbol.trim().toUpperCase(),
    side: form.side,
    type: form.type,
    timeInForce: form.timeInForce,
  };
  if (form.sizeMode === 'quantity') order.quantity = size;
  else order.notional = size;
  if (limitPrice !== undefined) order.limitPrice = limitPrice;
  if (stopPrice !== undefined) order.stopPrice = stopPrice;
  if (stopLoss !== undefined) order.stopLoss = stopLoss;
  if (takeProfit !== undefined) order.takeProfit = takeProfit;
  return { errors, order };
}

export function toPreviewRequest(order: OrderRequest): PreviewRequest {
  const preview: PreviewRequest = { symbol: order.symbol, side: order.side, orderType: order.type };
  if (order.quantity !== undefined) preview.quantity = order.quantity;
  if (order.notional !== undefined) preview.notional = order.notional;
  if (order.limitPrice !== undefined) preview.limitPrice = order.limitPrice;
  if (order.stopLoss !== undefined) preview.stopLossPrice = order.stopLoss;
  if (order.takeProfit !== undefined) preview.takeProfitPrice = order.takeProfit;
  return preview;
}

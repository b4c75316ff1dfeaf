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

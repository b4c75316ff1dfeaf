/** Query strings for the list endpoints, built from the filter forms (empty fields are left out). */

export type TradeSortField = 'filledAt' | 'symbol' | 'side' | 'quantity' | 'price' | 'realizedPnl';

export interface TradeFilters {
  symbol: string;
  side: '' | 'buy' | 'sell';
  /** `yyyy-mm-dd` (a UTC day, as Portfolio keeps its sessions), or empty. */
  from: string;
  to: string;
  sort: TradeSortField;
  descending: boolean;
  page: number;
  pageSize: number;
}

export const defaultTradeFilters: TradeFilters = {
  symbol: '',
  side: '',
  from: '',
  to: '',
  sort: 'filledAt',
  descending: true,
  page: 1,
  pageSize: 25,
};

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** The start of a UTC day, or the last millisecond of it, as the ISO instant the API filters on. */
export function dayBoundary(day: string, end: boolean): string | undefined {
  if (!isDay(day)) return undefined;
  return `${day}T${end ? '23:59:59.999' : '00:00:00.000'}Z`;
}

function toSearch(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** `?symbol=AAPL&side=buy&from=…&to=…&sort=-price&page=2&pageSize=25` for `/api/v1/portfolio/trades`. */
export function tradesQuery(filters: TradeFilters, paged = true): string {
  const symbol = filters.symbol.trim().toUpperCase();
  const sort = `${filters.descending ? '-' : ''}${filters.sort}`;
  return toSearch({
    symbol,
    side: filters.side,
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
    // The API's default is newest first; say so only when it differs.
    sort: sort === '-filledAt' ? undefined : sort,
    page: paged ? filters.page : undefined,
    pageSize: paged ? filters.pageSize : undefined,
  });
}

/** A click on a column header: the same column flips the direction, another starts descending (largest first). */
export function toggleSort(filters: TradeFilters, field: TradeSortField): TradeFilters {
  const descending = filters.sort === field ? !filters.descending : field !== 'symbol' && field !== 'side';
  return { ...filters, sort: field, descending, page: 1 };
}

/** The date range is wrong when `from` is after `to`; the API would answer 400, so the form says so first. */
export function rangeError(from: string, to: string): string | undefined {
  return isDay(from) && isDay(to) && from > to ? 'The start date is after the end date.' : undefined;
}

export type OrderStatusFilter = 'open' | 'filled' | 'canceled' | 'rejected' | 'expired' | 'all';

/** Symbol, side and UTC day range: what the trade history's and the orders' filter forms share. */
export type RangeFilters = Pick<TradeFilters, 'symbol' | 'side' | 'from' | 'to'>;

export const noRangeFilters: RangeFilters = { symbol: '', side: '', from: '', to: '' };

/** `?status=open&symbol=…&side=…&from=…&to=…&page=1&pageSize=50` for `/api/v1/orders` (by creation time); `all` sends
 * no status. */
export function ordersQuery(status: OrderStatusFilter, page = 1, pageSize = 50, filters: RangeFilters = noRangeFilters): string {
  return toSearch({
    status: status === 'all' ? undefined : status,
    symbol: filters.symbol.trim().toUpperCase(),
    side: filters.side,
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
    page,
    pageSize,
  });
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

import { describe, expect, it } from 'vitest';
import { dayBoundary, defaultTradeFilters, ordersQuery, pageCount, rangeError, toggleSort, tradesQuery } from './query';

describe('tradesQuery', () => {
  it('sends only the paging for the default filters', () => {
    expect(tradesQuery(defaultTradeFilters)).toBe('?page=1&pageSize=25');
  });

  it('normalises the symbol, turns days into UTC instants and prefixes descending sorts', () => {
    const query = tradesQuery({
      ...defaultTradeFilters,
      symbol: ' aapl ',
      side: 'sell',
      from: '2026-11-01',
      to: '2026-11-30',
      sort: 'price',
      descending: true,
      page: 3,
    });
    const params = new URLSearchParams(query);
    expect(params.get('symbol')).toBe('AAPL');
    expect(params.get('side')).toBe('sell');
    expect(params.get('from')).toBe('2026-11-01T00:00:00.000Z');
    expect(params.get('to')).toBe('2026-11-30T23:59:59.999Z');
    expect(params.get('sort')).toBe('-price');
    expect(params.get('page')).toBe('3');
  });

  it('leaves paging out of the CSV export and keeps ascending sorts unprefixed', () => {
    expect(tradesQuery({ ...defaultTradeFilters, sort: 'symbol', descending: false }, false)).toBe('?sort=symbol');
  });
});

describe('dayBoundary and rangeError', () => {
  it('ignores anything that is not a yyyy-mm-dd day', () => {
    expect(dayBoundary('', false)).toBeUndefined();
    expect(dayBoundary('11/30/2026', true)).toBeUndefined();
  });

  it('flags a start after the end', () => {
    expect(rangeError('2026-12-02', '2026-12-01')).toMatch(/after/);
    expect(rangeError('2026-12-01', '2026-12-01')).toBeUndefined();
    expect(rangeError('2026-12-02', '')).toBeUndefined();
  });
});

describe('toggleSort', () => {
  it('flips the direction of the same column and resets to the first page', () => {
    const sorted = toggleSort({ ...defaultTradeFilters, page: 4 }, 'filledAt');
    expect(sorted).toMatchObject({ sort: 'filledAt', descending: false, page: 1 });
  });

  it('starts numbers descending and text ascending', () => {
    expect(toggleSort(defaultTradeFilters, 'realizedPnl').descending).toBe(true);
    expect(toggleSort(defaultTradeFilters, 'symbol').descending).toBe(false);
  });
});

describe('ordersQuery and pageCount', () => {
  it('asks for open orders by default and nothing for all', () => {
    expect(ordersQuery('open')).toBe('?status=open&page=1&pageSize=50');
    expect(ordersQuery('all', 2, 20, { symbol: 'msft', side: '', from: '', to: '' })).toBe('?symbol=MSFT&page=2&pageSize=20');
  });

  it('filters orders by side and by the UTC days they were created', () => {
    expect(ordersQuery('filled', 1, 25, { symbol: ' aapl ', side: 'sell', from: '2026-12-01', to: '2026-12-04' })).toBe(
      '?status=filled&symbol=AAPL&side=sell&from=2026-12-01T00%3A00%3A00.000Z&to=2026-12-04T23%3A59%3A59.999Z&page=1&pageSize=25',
    );
  });

  it('counts at least one page', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });
});

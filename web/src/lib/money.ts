const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

const quantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 });

/**
 * The services serialise C# decimals as JSON numbers, but a decimal may also arrive as a string
 * (to keep precision); both are accepted. Anything else is not a number.
 */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** `10000` → `$10,000.00`; `-12.5` → `-$12.50`; missing → an em dash. */
export function formatUsd(value: unknown): string {
  const n = toNumber(value);
  if (n === null) return '—';
  // Avoid "-$0.00" for values that round to zero.
  const rounded = Math.round(n * 100) / 100;
  return usd.format(Object.is(rounded, -0) ? 0 : rounded);
}

/** Money in another currency (the portfolio carries its own); falls back to USD formatting. */
export function formatMoney(value: unknown, currency: string | undefined): string {
  if (!currency || currency.toUpperCase() === 'USD') return formatUsd(value);
  const n = toNumber(value);
  if (n === null) return '—';
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency}`;
  }
}

export function formatQuantity(value: unknown): string {
  const n = toNumber(value);
  return n === null ? '—' : quantity.format(n);
}

import { formatMoney } from '../lib/money';

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? '—'
    : date.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function formatPeriod(start: string | null, end: string | null): string {
  return start || end ? `${formatDate(start)} – ${formatDate(end)}` : '—';
}

export function formatAmount(value: unknown, currency: string): string {
  return formatMoney(value, currency.toUpperCase());
}

export const statusLabels: Record<string, string> = {
  trialing: 'Free trial',
  active: 'Active',
  past_due: 'Payment failed',
  canceled: 'Canceled',
  expired: 'Expired',
};

export function daysLabel(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

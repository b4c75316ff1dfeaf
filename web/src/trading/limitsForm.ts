import type { RiskLimits } from './apiTypes';

/** The risk settings form: percents as typed (`"10"` = 10%) and the open-position count. */
export type LimitsForm = Record<keyof RiskLimits, string>;

export const limitFields: { key: keyof RiskLimits; label: string; percent: boolean; hint: string }[] = [
  { key: 'maxPositionFraction', label: 'Max position size', percent: true, hint: 'of equity in any one symbol' },
  { key: 'maxOpenPositions', label: 'Max open positions', percent: false, hint: 'symbols held at once' },
  { key: 'dailyLossFraction', label: 'Daily loss limit', percent: true, hint: 'of start-of-day equity; halts until the next session' },
  { key: 'maxDrawdownFraction', label: 'Max drawdown', percent: true, hint: 'from peak equity; halts until you resume' },
  { key: 'stopLossFraction', label: 'Default stop-loss', percent: true, hint: 'below the entry, attached to opening orders' },
  { key: 'takeProfitFraction', label: 'Default take-profit', percent: true, hint: 'above the entry, attached to opening orders' },
];

/** Take-profit is a target, not a protection: raising it is not loosening. Every other limit is tighter when lower. */
const protective = (key: keyof RiskLimits) => key !== 'takeProfitFraction';

const trimNumber = (n: number) => String(Number(n.toFixed(4)));

export function toForm(limits: RiskLimits): LimitsForm {
  const form = {} as LimitsForm;
  for (const { key, percent } of limitFields) form[key] = percent ? trimNumber(limits[key] * 100) : String(limits[key]);
  return form;
}

/**
 * The `PUT /api/v1/risk/limits` body: only the fields that changed, percents as fractions. Errors are keyed like the
 * server's ProblemDetails (`maxPositionFraction`, …) so both land beside the same input.
 */
export function toUpdate(form: LimitsForm, current: RiskLimits): { errors: Record<string, string>; body?: Partial<RiskLimits> } {
  const errors: Record<string, string> = {};
  const body: Partial<RiskLimits> = {};
  for (const { key, percent } of limitFields) {
    const text = form[key].trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) {
      errors[key] = 'Enter a number.';
      continue;
    }
    if (percent) {
      if (n <= 0 || n > 100) errors[key] = 'Between 0 and 100%.';
      const fraction = Number((n / 100).toFixed(6));
      if (!errors[key] && fraction !== current[key]) body[key] = fraction;
    } else {
      if (!Number.isInteger(n) || n < 1 || n > 1000) errors[key] = 'A whole number from 1 to 1000.';
      if (!errors[key] && n !== current[key]) body[key] = n;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { errors, body };
}

/** Fields the body sets looser than the platform default: the server will ask for an administrator. */
export function loosenedPastDefaults(body: Partial<RiskLimits>, defaults: RiskLimits): (keyof RiskLimits)[] {
  return limitFields
    .map((f) => f.key)
    .filter((key) => protective(key) && body[key] !== undefined && body[key]! > defaults[key]);
}

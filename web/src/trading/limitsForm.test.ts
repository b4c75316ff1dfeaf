import { describe, expect, it } from 'vitest';
import type { RiskLimits } from './apiTypes';
import { loosenedPastDefaults, toForm, toUpdate } from './limitsForm';

const defaults: RiskLimits = {
  maxPositionFraction: 0.1,
  maxOpenPositions: 10,
  dailyLossFraction: 0.05,
  maxDrawdownFraction: 0.15,
  stopLossFraction: 0.05,
  takeProfitFraction: 0.1,
};

describe('toForm', () => {
  it('shows fractions as percents without float noise', () => {
    expect(toForm({ ...defaults, maxPositionFraction: 0.07 })).toMatchObject({
      maxPositionFraction: '7',
      maxOpenPositions: '10',
      dailyLossFraction: '5',
      maxDrawdownFraction: '15',
    });
  });
});

describe('toUpdate', () => {
  it('sends only what changed, as fractions', () => {
    const form = { ...toForm(defaults), maxPositionFraction: '7.5', maxOpenPositions: '5' };
    expect(toUpdate(form, defaults)).toEqual({ errors: {}, body: { maxPositionFraction: 0.075, maxOpenPositions: 5 } });
  });

  it('sends an empty body when nothing changed', () => {
    expect(toUpdate(toForm(defaults), defaults).body).toEqual({});
  });

  it('refuses blanks, percents out of range and fractional counts', () => {
    const form = { ...toForm(defaults), maxPositionFraction: '', dailyLossFraction: '120', maxOpenPositions: '2.5' };
    expect(toUpdate(form, defaults)).toEqual({
      errors: {
        maxPositionFraction: 'Enter a number.',
        dailyLossFraction: 'Between 0 and 100%.',
        maxOpenPositions: 'A whole number from 1 to 1000.',
      },
    });
  });
});

describe('loosenedPastDefaults', () => {
  it('names protective limits set above the default, not a higher take-profit', () => {
    expect(loosenedPastDefaults({ maxPositionFraction: 0.2, takeProfitFraction: 0.3, dailyLossFraction: 0.02 }, defaults))
      .toEqual(['maxPositionFraction']);
  });
});

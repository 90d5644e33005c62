import { describe, expect, it } from 'vitest';
import { DISPUTE_TARGETS, handlingLevelFor, rateAgainstTarget, revisitDueOn } from '../src/index.ts';

describe('handlingLevelFor', () => {
  it('routes minor to the village, ordinary to the township, major to the county', () => {
    expect(handlingLevelFor('minor')).toBe('village');
    expect(handlingLevelFor('ordinary')).toBe('township');
    expect(handlingLevelFor('major')).toBe('county');
  });
});

describe('revisitDueOn', () => {
  it.each([
    ['2026-03-15', 1, '2026-04-15'], // class 1: one month
    ['2026-03-15', 2, '2026-06-15'], // class 2: one quarter
    ['2026-03-15', 3, '2026-09-15'], // class 3: half a year
    ['2026-01-31', 1, '2026-02-28'], // Feb 31 does not exist → month end
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-08-31', 3, '2027-02-28'], // half a year across the year end, clamped
    ['2026-11-30', 2, '2027-02-28'], // a quarter across the year end, clamped
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-09-07', 1, '2026-10-07'], // calendar periods: a National Day holiday does not move it
  ] as const)('settled %s, class %i → %s', (settledOn, cls, expected) => {
    expect(revisitDueOn(settledOn, cls)).toBe(expected);
  });
});

describe('rateAgainstTarget', () => {
  it('compares exactly, not on the rounded display', () => {
    // 48/49 = 97.96%: displays 98% but misses a 98% target.
    expect(rateAgainstTarget(48, 49, DISPUTE_TARGETS.success)).toEqual({
      rate: { numerator: 48, denominator: 49, percent: 98, display: '98%' },
      meets: false,
    });
    expect(rateAgainstTarget(49, 50, DISPUTE_TARGETS.participation).meets).toBe(true); // exactly 98%
    expect(rateAgainstTarget(24, 25, DISPUTE_TARGETS.satisfaction).meets).toBe(true); // exactly 96%
    expect(rateAgainstTarget(23, 25, DISPUTE_TARGETS.satisfaction).meets).toBe(false); // 92%
    expect(rateAgainstTarget(193, 200, 96.5).meets).toBe(true); // 96.5% against a decimal target
  });

  it('has no verdict when there is nothing to measure', () => {
    expect(rateAgainstTarget(0, 0, 98)).toEqual({
      rate: { numerator: 0, denominator: 0, percent: null, display: '—' },
      meets: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { chinaCalendar2026 } from '@tally/casework';
import { deadlineOf, periodContaining, periodOf, periodsOfYear } from '../src/index.ts';

const cal = chinaCalendar2026();
const due = (kind: 'monthly' | 'half_monthly' | 'quarterly', key: string, grace = 3) => {
  const period = periodOf(kind, key);
  if (!period) throw new Error(`no period ${key}`);
  return deadlineOf(period, grace, cal);
};

describe('periods', () => {
  it('month ends, February 2026 and the leap February of 2028', () => {
    const months = periodsOfYear('monthly', 2026);
    expect(months).toHaveLength(12);
    expect(months.map((m) => m.end)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-31',
    ]);
    expect(periodOf('monthly', '2028-02')).toEqual({
      kind: 'monthly',
      key: '2028-02',
      start: '2028-02-01',
      end: '2028-02-29',
    });
  });

  it('half months split on the 15th, quarters on the quarter', () => {
    expect(periodsOfYear('half_monthly', 2026)).toHaveLength(24);
    expect(periodOf('half_monthly', '2028-02-H2')).toMatchObject({ start: '2028-02-16', end: '2028-02-29' });
    expect(periodsOfYear('quarterly', 2026).map((q) => [q.key, q.start, q.end])).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30'],
      ['2026-Q3', '2026-07-01', '2026-09-30'],
      ['2026-Q4', '2026-10-01', '2026-12-31'],
    ]);
    expect(periodContaining('half_monthly', '2026-02-16').key).toBe('2026-02-H2');
  });

  it('refuses keys that name no period of the kind', () => {
    expect(periodOf('monthly', '2026-13')).toBeNull();
    expect(periodOf('monthly', '2026-02-H1')).toBeNull();
    expect(periodOf('quarterly', '2026-Q5')).toBeNull();
    expect(periodOf('half_monthly', '1999-01-H1')).toBeNull();
  });
});

describe('deadlines: end of period + 3 days, moved off days off to the next working day', () => {
  it('a grace period ending on a working day stays', () => {
    expect(due('monthly', '2026-01')).toBe('2026-02-03'); // Sat Jan 31 + 3 = Tue Feb 3
    expect(due('monthly', '2026-02')).toBe('2026-03-03'); // Sat Feb 28 (make-up day) + 3 = Tue Mar 3
    expect(due('quarterly', '2026-Q1')).toBe('2026-04-03'); // Fri Apr 3, the day before 清明
  });

  it('the leap day 2028-02-29 ends February', () => {
    expect(due('monthly', '2028-02')).toBe('2028-03-03'); // Tue Feb 29 + 3 = Fri Mar 3
  });

  it('grace crossing 国庆 moves to the first working day after the holiday', () => {
    expect(due('monthly', '2026-09')).toBe('2026-10-08'); // Sep 30 + 3 = Oct 3, off until Oct 7
    expect(due('quarterly', '2026-Q3')).toBe('2026-10-08');
  });

  it('grace crossing 劳动节 and 春节', () => {
    expect(due('monthly', '2026-04')).toBe('2026-05-06'); // May 3 is off, May 1–5 holiday
    expect(due('half_monthly', '2026-02-H1')).toBe('2026-02-24'); // Feb 18 in 春节 (Feb 15–23)
  });

  it('a weekend deadline moves to Monday; grace can be set per obligation', () => {
    expect(due('monthly', '2026-07', 1)).toBe('2026-08-03'); // Jul 31 + 1 = Sat Aug 1 → Mon Aug 3
    expect(due('monthly', '2026-07', 0)).toBe('2026-07-31');
    expect(() => due('monthly', '2026-07', -1)).toThrow(RangeError);
  });
});

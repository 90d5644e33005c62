import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/civil-date.ts';
import { addWorkingDays, chinaCalendar2026, isWorkingDay, shanghaiDate, workingDaysBetween } from '../src/index.ts';

const cal = chinaCalendar2026();

describe('isWorkingDay with the 2026 China calendar', () => {
  it.each([
    ['2026-01-01', false], // Thu, 元旦
    ['2026-01-04', true], // Sun, make-up day for 元旦
    ['2026-02-14', true], // Sat, make-up day for 春节
    ['2026-02-16', false], // Mon, 春节
    ['2026-02-23', false], // Mon, last day of 春节
    ['2026-02-24', true], // Tue, back to work
    ['2026-02-28', true], // Sat, make-up day for 春节
    ['2026-03-01', false], // plain Sunday
    ['2026-05-05', false], // Tue, 劳动节
    ['2026-05-09', true], // Sat, make-up day for 劳动节
    ['2026-09-20', true], // Sun, make-up day for 国庆
    ['2026-10-07', false], // Wed, 国庆
    ['2026-10-08', true], // Thu, back to work
    ['2026-10-10', true], // Sat, make-up day for 国庆
    ['2026-10-11', false], // plain Sunday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it('every make-up day falls on a weekend and every listed period matches the notice size', () => {
    expect(cal.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    for (const d of cal.makeupWorkdays) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
  });

  it('an empty calendar is plain Monday–Friday', () => {
    const plain = { holidays: [], makeupWorkdays: [] };
    expect(isWorkingDay('2026-10-01', plain)).toBe(true); // Thursday
    expect(isWorkingDay('2026-10-10', plain)).toBe(false); // Saturday
  });
});

describe('addWorkingDays', () => {
  it.each([
    // National Day: Wed Sep 30 is the last working day before Oct 1–7.
    ['2026-09-30', 0, '2026-09-30'], // a working day counts as "the same day"
    ['2026-09-30', 1, '2026-10-08'], // Oct 1–7 off → Thu Oct 8
    ['2026-09-30', 2, '2026-10-09'], // Fri Oct 9
    ['2026-09-30', 3, '2026-10-10'], // Sat Oct 10 is a make-up working day
    ['2026-09-30', 4, '2026-10-12'], // Sun Oct 11 off → Mon Oct 12
    ['2026-10-01', 0, '2026-10-08'], // received on a holiday: same day means next working day
    ['2026-10-03', 1, '2026-10-08'], // start on a day off: Oct 4–7 off, Oct 8 is the 1st
    ['2026-09-18', 1, '2026-09-20'], // Fri → Sat off → Sun Sep 20 make-up day
    // Spring Festival: Fri Feb 13, make-up Sat Feb 14, off Feb 15–23.
    ['2026-02-13', 1, '2026-02-14'], // Sat Feb 14 is worked
    ['2026-02-13', 2, '2026-02-24'], // Feb 15–23 off → Tue Feb 24
    ['2026-02-14', 0, '2026-02-14'], // the make-up Saturday itself
    ['2026-02-27', 1, '2026-02-28'], // Sat Feb 28 is worked
    ['2026-02-27', 2, '2026-03-02'], // Sun Mar 1 off → Mon Mar 2
    // New Year: off Thu Jan 1 – Sat Jan 3, Sun Jan 4 worked.
    ['2025-12-31', 1, '2026-01-04'],
  ])('addWorkingDays(%s, %i) = %s', (start, n, expected) => {
    expect(addWorkingDays(start, n, cal)).toBe(expected);
  });

  it('rejects a negative or fractional n and malformed dates (programming errors)', () => {
    expect(() => addWorkingDays('2026-01-05', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-05', 1.5, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026/01/05', 1, cal)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (a, b], negated backwards', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-09', cal)).toBe(2); // Oct 8, Oct 9
    expect(workingDaysBetween('2026-10-09', '2026-09-30', cal)).toBe(-2);
    expect(workingDaysBetween('2026-10-05', '2026-10-05', cal)).toBe(0);
    expect(workingDaysBetween('2026-02-13', '2026-02-24', cal)).toBe(2); // Feb 14, Feb 24
  });
});

describe('shanghaiDate', () => {
  it('is UTC+8 with no DST', () => {
    expect(shanghaiDate(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(shanghaiDate(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
    expect(shanghaiDate(new Date('2026-07-01T00:00:00+08:00'))).toBe('2026-07-01');
  });
});

describe('properties', () => {
  // Any day from mid-December 2025 to the end of January 2027 (covers every 2026 holiday).
  const date = fc.integer({ min: 0, max: 420 }).map((i) => addDays('2025-12-15', i));
  const n = fc.integer({ min: 0, max: 40 });

  it('addWorkingDays always lands on a working day', () => {
    fc.assert(fc.property(date, n, (d, k) => isWorkingDay(addWorkingDays(d, k, cal), cal)));
  });

  it('addWorkingDays is monotone in n (strictly from n = 1)', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        const a = addWorkingDays(d, k, cal);
        const b = addWorkingDays(d, k + 1, cal);
        return k === 0 ? a <= b : a < b;
      }),
    );
  });

  it('workingDaysBetween inverts addWorkingDays for n ≥ 1', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 1, max: 40 }),
        (d, k) => workingDaysBetween(d, addWorkingDays(d, k, cal), cal) === k,
      ),
    );
  });
});

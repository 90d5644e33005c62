/**
 * Working-day calendar as data. China moves days off around public holidays every year
 * (调休: a weekend becomes a working day to bridge a holiday), so "working day" cannot be
 * computed from the weekday alone; the county keeps the list and may edit it.
 */
import { addDays, compareDates, toDayNumber, weekday, type CivilDate } from './civil-date.ts';

export { shanghaiDate } from './civil-date.ts';

export interface WorkCalendar {
  /**
   * Days off ('YYYY-MM-DD') that would otherwise be weekdays. Listing a weekend day here
   * is harmless, so a whole holiday period can be copied as the State Council announces it.
   */
  holidays: string[];
  /** Weekend days that are working days (调休 make-up days). */
  makeupWorkdays: string[];
}

/** A make-up working day wins over everything; then a listed holiday; then Monday–Friday. */
export function isWorkingDay(date: CivilDate, cal: WorkCalendar): boolean {
  if (cal.makeupWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const wd = weekday(date);
  return wd !== 0 && wd !== 6;
}

/** The first working day on or after `date`. */
export function nextWorkingDayOnOrAfter(date: CivilDate, cal: WorkCalendar): CivilDate {
  let d = date;
  // Bounded: weekdays are working unless listed, and the lists are finite.
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
}

/**
 * The Nth working day after `startDate`.
 *
 * - n = 0: `startDate` itself when it is a working day, else the next working day
 *   ("the same day": a matter received on a Saturday is due on Monday).
 * - n ≥ 1: counting starts the day after `startDate` (the day of receipt is not counted,
 *   as in Chinese time-limit practice) and the Nth working day found is the deadline.
 *   "Within 2 working days of receipt" for a receipt on Wednesday 2026-09-30 is therefore
 *   Friday 2026-10-09 (Oct 1–7 off, Oct 8 is the 1st).
 *
 * `startDate` itself may be a day off; that does not shift the count.
 */
export function addWorkingDays(startDate: CivilDate, n: number, cal: WorkCalendar): CivilDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n === 0) return nextWorkingDayOnOrAfter(startDate, cal);
  let d = startDate;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left -= 1;
  }
  return d;
}

/**
 * Number of working days d with a < d ≤ b (negated when b < a). The inverse of
 * addWorkingDays for n ≥ 1: workingDaysBetween(a, addWorkingDays(a, n)) === n.
 * Used for "days left": 0 means due today (or the due day has no working day before it).
 */
export function workingDaysBetween(a: CivilDate, b: CivilDate, cal: WorkCalendar): number {
  const sign = compareDates(b, a) < 0 ? -1 : 1;
  const [from, to] = sign === 1 ? [a, b] : [b, a];
  const end = toDayNumber(to);
  let count = 0;
  let d = from;
  while (toDayNumber(d) < end) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) count += 1;
  }
  // Never -0: it prints as 0 but fails a strict equality check against 0.
  return count === 0 ? 0 : sign * count;
}

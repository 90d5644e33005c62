/**
 * Civil dates ('YYYY-MM-DD', no time, no zone) and the arithmetic the rules need.
 *
 * Every deadline in the domain is a civil date in Asia/Shanghai. Working on strings
 * through UTC-midnight arithmetic avoids the host time zone ever leaking in.
 */

/** A civil date written 'YYYY-MM-DD'. */
export type CivilDate = string;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a well-formed, existing calendar date (rejects 2026-02-30). */
export function isCivilDate(s: string): boolean {
  const m = CIVIL_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days since 1970-01-01 for a civil date. Throws RangeError on malformed input (a programming error). */
export function toDayNumber(date: CivilDate): number {
  if (!isCivilDate(date)) throw new RangeError(`not a civil date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Inverse of toDayNumber. */
export function fromDayNumber(day: number): CivilDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: CivilDate, n: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekday(date: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, month1to12: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month1to12 - 1] ?? 0;
}

/**
 * Adds calendar months; when the day does not exist in the target month it is clamped to
 * that month's last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year). This is how
 * "within one month" is read in practice: the deadline never spills into the next month.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  toDayNumber(date); // validates
  const y = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1 + months;
  const ty = y + Math.floor(m0 / 12);
  const tm = (((m0 % 12) + 12) % 12) + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The civil date in Asia/Shanghai (UTC+8 all year: China has had no DST since 1991) of an
 * instant. 2026-03-31T16:30:00Z is already 2026-04-01 in the county office.
 */
export function shanghaiDate(instant: Date): CivilDate {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A civil date as the offices write it in Chinese, 2026年3月5日: the one date style of the
 * Chinese interface, its messages and its papers (apps/web lib/civil-date-format.ts uses it).
 */
export function chineseCivilDate(date: CivilDate): string {
  const m = CIVIL_DATE.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/**
 * PRC resident identity number (公民身份号码, GB 11643-1999): 6-digit area code,
 * 8-digit birth date YYYYMMDD, 3-digit sequence, 1 check character (0–9 or X).
 */
import { compareDates, isCivilDate, type CivilDate } from './civil-date.ts';
import type { Message } from './message.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (Σ digit × weight) mod 11. */
const CHECK_CHARS = '10X98765432';
/** Nobody alive carries a birth year before this; an earlier year is a typing error. */
const EARLIEST_BIRTH = '1900-01-01';

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Upper-cases a trailing x and strips surrounding spaces, as people type it. */
export function normalizeIdNumber(s: string): string {
  return s.trim().toUpperCase();
}

export type IdNumberResult =
  | { ok: true }
  | ({ ok: false; code: 'length' | 'format' | 'birth_date' | 'check_digit' } & Message);

/**
 * Validates an 18-character ID number: shape, birth date (a real date, not before 1900 and,
 * when `today` is given, not in the future) and the GB 11643 check character. A lowercase
 * x is accepted; store the normalizeIdNumber() form.
 */
export function validateIdNumber(s: string, options: { today?: CivilDate } = {}): IdNumberResult {
  const id = normalizeIdNumber(s);
  if (id.length !== 18) {
    return { ok: false, code: 'length', zh: '身份证号码应为18位', en: 'An ID number has 18 characters' };
  }
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) {
    return {
      ok: false,
      code: 'format',
      zh: '身份证号码应为17位数字加1位数字或X',
      en: 'An ID number is 17 digits then a digit or X',
    };
  }
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (
    !isCivilDate(birth) ||
    compareDates(birth, EARLIEST_BIRTH) < 0 ||
    (options.today !== undefined && compareDates(birth, options.today) > 0)
  ) {
    return {
      ok: false,
      code: 'birth_date',
      zh: '身份证号码中的出生日期无效',
      en: 'The birth date in the ID number is not valid',
    };
  }
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) {
    return {
      ok: false,
      code: 'check_digit',
      zh: '身份证号码校验位错误，请核对',
      en: 'The ID number check digit is wrong',
    };
  }
  return { ok: true };
}

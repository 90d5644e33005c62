/**
 * Case numbers (信访件编号): `CCCCCC-YYYY-NNNNNN`, e.g. `130534-2026-000123`.
 *
 * - CCCCCC: the 6-digit county part of the division code (the tenant), so numbers stay
 *   unique when cases are compared across counties;
 * - YYYY: the year of receipt (Asia/Shanghai);
 * - NNNNNN: the per-county, per-year sequence, from 1, zero-padded to 6 digits
 *   (a county receives a few hundred to a few thousand items a year).
 * Hyphens keep the number readable over the phone; they are part of the format.
 */
import type { Message } from './message.ts';

export interface CaseNumberParts {
  countyCode: string;
  year: number;
  sequence: number;
}

const CASE_NUMBER = /^(\d{6})-(\d{4})-(\d{6})$/;
const MIN_YEAR = 1949;
const MAX_YEAR = 2999;
/** The years a case number can carry; a case received outside them cannot be numbered. */
export const CASE_NUMBER_YEARS = { min: MIN_YEAR, max: MAX_YEAR } as const;
const MAX_SEQUENCE = 999_999;

/** Formats parts the system itself produced; throws RangeError on impossible parts (a bug, not a user error). */
export function formatCaseNumber({ countyCode, year, sequence }: CaseNumberParts): string {
  if (!/^\d{6}$/.test(countyCode) || countyCode === '000000') throw new RangeError(`bad county code ${countyCode}`);
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE)
    throw new RangeError(`bad sequence ${sequence}`);
  return `${countyCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Parses a number a person typed or pasted (surrounding spaces tolerated). */
export function parseCaseNumber(s: string): ({ ok: true } & CaseNumberParts) | ({ ok: false } & Message) {
  const m = CASE_NUMBER.exec(s.trim());
  const bad = {
    ok: false as const,
    zh: '信访件编号格式应为 县代码6位-年份4位-序号6位，如 130534-2026-000123',
    en: 'A case number looks like 130534-2026-000123 (county-year-sequence)',
  };
  if (!m) return bad;
  const countyCode = m[1]!;
  const year = Number(m[2]);
  const sequence = Number(m[3]);
  if (countyCode === '000000' || year < MIN_YEAR || year > MAX_YEAR || sequence < 1) return bad;
  return { ok: true, countyCode, year, sequence };
}

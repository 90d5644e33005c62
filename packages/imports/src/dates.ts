/**
 * Dates as villages write them (docs/domain.md §2): 2024-03-05, 2024/3/5, 2024年3月5日.
 * Also tolerated, because they occur in real sheets: surrounding spaces, full-width
 * digits (２０２４年３月５日), a trailing time ("2024-03-05 08:30", duty logs), Excel serial
 * day numbers and JS Date values handed over by exceljs.
 * Output is always 'YYYY-MM-DD'; impossible calendar dates (2024-02-30) are refused.
 */
import { daysInMonth } from '@tally/casework';
import { toHalfWidth } from './normalize.ts';

export type DateResult = { ok: true; value: string } | { ok: false };

const PATTERNS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/,
];

// "08:30" or "08:30:00" after the date; dropped because the registers hold dates only.
const TRAILING_TIME = /\s+\d{1,2}:\d{2}(:\d{2})?$/;

/** Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 (serial 60) is skipped. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
// Serials from 1900-03-01 (61) to 9999-12-31 (2958465); earlier ones are meaningless here.
const MIN_SERIAL = 61;
const MAX_SERIAL = 2_958_465;

export function formatYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** exceljs builds Dates at UTC midnight, so the UTC fields are the sheet's calendar date. */
export function dateToYmd(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function excelSerialToYmd(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) return null;
  return dateToYmd(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

export function parseDate(input: unknown): DateResult {
  if (input instanceof Date) {
    const v = dateToYmd(input);
    return v ? { ok: true, value: v } : { ok: false };
  }
  if (typeof input === 'number') {
    const v = excelSerialToYmd(input);
    return v ? { ok: true, value: v } : { ok: false };
  }
  if (typeof input !== 'string') return { ok: false };
  const s = toHalfWidth(input).trim().replace(TRAILING_TIME, '');
  for (const re of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (!isValidYmd(year, month, day)) return { ok: false };
    return { ok: true, value: formatYmd(year, month, day) };
  }
  return { ok: false };
}

/**
 * Report kinds and their periods. A period is named by a key that sorts in time order and reads
 * like the office writes it: '2026-02' (月报), '2026-02-H1' / '2026-02-H2' (半月分析, the 1st–15th
 * and the 16th–last), '2026-Q1' (季度分析). 第一时间报告 (immediate) has no period: it follows an
 * event, not the calendar, so it never appears in the submission matrix.
 */
import { addDays, isCivilDate, type CivilDate } from '@tally/casework';

export const REPORT_KINDS = ['monthly', 'half_monthly', 'quarterly', 'immediate'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const PERIODIC_KINDS = ['monthly', 'half_monthly', 'quarterly'] as const;
export type PeriodicKind = (typeof PERIODIC_KINDS)[number];

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, { zh: string; en: string }>> = {
  monthly: { zh: '月报', en: 'Monthly report' },
  half_monthly: { zh: '半月分析', en: 'Half-monthly analysis' },
  quarterly: { zh: '季度分析', en: 'Quarterly analysis' },
  immediate: { zh: '第一时间报告', en: 'Immediate report' },
};

export interface ReportPeriod {
  kind: PeriodicKind;
  key: string;
  /** First and last day of the period, Asia/Shanghai civil dates. */
  start: CivilDate;
  end: CivilDate;
}

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

export function isPeriodicKind(value: string): value is PeriodicKind {
  return (PERIODIC_KINDS as readonly string[]).includes(value);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The day before the first of the month after `month` (1–12) of `year`: leap years come free. */
function monthEnd(year: number, month: number): CivilDate {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad2(month + 1)}-01`;
  return addDays(next, -1);
}

/** Every period of a kind in a year, in time order. */
export function periodsOfYear(kind: PeriodicKind, year: number): ReportPeriod[] {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`year out of range: ${year}`);
  const periods: ReportPeriod[] = [];
  if (kind === 'quarterly') {
    for (let q = 1; q <= 4; q += 1) {
      periods.push({ kind, key: `${year}-Q${q}`, start: `${year}-${pad2(q * 3 - 2)}-01`, end: monthEnd(year, q * 3) });
    }
    return periods;
  }
  for (let m = 1; m <= 12; m += 1) {
    const start = `${year}-${pad2(m)}-01`;
    const end = monthEnd(year, m);
    if (kind === 'monthly') periods.push({ kind, key: `${year}-${pad2(m)}`, start, end });
    else {
      periods.push({ kind, key: `${year}-${pad2(m)}-H1`, start, end: `${year}-${pad2(m)}-15` });
      periods.push({ kind, key: `${year}-${pad2(m)}-H2`, start: `${year}-${pad2(m)}-16`, end });
    }
  }
  return periods;
}

const KEY_PATTERNS: Readonly<Record<PeriodicKind, RegExp>> = {
  monthly: /^(\d{4})-(\d{2})$/,
  half_monthly: /^(\d{4})-(\d{2})-H[12]$/,
  quarterly: /^(\d{4})-Q[1-4]$/,
};

/** The period a key names, or null when the key is not one of that kind's periods. */
export function periodOf(kind: PeriodicKind, key: string): ReportPeriod | null {
  const m = KEY_PATTERNS[kind].exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return periodsOfYear(kind, year).find((p) => p.key === key) ?? null;
}

/** The period of a kind that contains a civil date. */
export function periodContaining(kind: PeriodicKind, date: CivilDate): ReportPeriod {
  if (!isCivilDate(date)) throw new RangeError(`not a civil date: ${date}`);
  const found = periodsOfYear(kind, Number(date.slice(0, 4))).find((p) => p.start <= date && date <= p.end);
  if (!found) throw new RangeError(`no ${kind} period holds ${date}`);
  return found;
}

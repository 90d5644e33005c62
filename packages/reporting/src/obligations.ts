/**
 * Reporting obligations as data: which level files which kind, with how many days' grace after
 * the end of the period. A county edits these rows; the engine never hard-codes who reports.
 */
import { addDays, nextWorkingDayOnOrAfter, type CivilDate, type WorkCalendar } from '@tally/casework';
import type { PeriodicKind, ReportPeriod } from './periods.ts';

/** The levels that report upward: a village to its township, a township to the county. */
export const REPORTING_LEVELS = ['village', 'township'] as const;
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];

export interface ReportObligation {
  level: ReportingLevel;
  kind: PeriodicKind;
  /** Calendar days after the period's last day (docs/domain.md §5 default: 3). */
  graceDays: number;
}

export const DEFAULT_GRACE_DAYS = 3;

/** The default for a county that set nothing: villages and townships file 月报. */
export function defaultObligations(): ReportObligation[] {
  return [
    { level: 'village', kind: 'monthly', graceDays: DEFAULT_GRACE_DAYS },
    { level: 'township', kind: 'monthly', graceDays: DEFAULT_GRACE_DAYS },
  ];
}

/**
 * The last day a report for the period counts as on time: the period's end plus the grace
 * days; when that day is a day off in the county's calendar, the next working day.
 */
export function deadlineOf(period: ReportPeriod, graceDays: number, calendar: WorkCalendar): CivilDate {
  if (!Number.isInteger(graceDays) || graceDays < 0)
    throw new RangeError(`graceDays must be a non-negative integer, got ${graceDays}`);
  return nextWorkingDayOnOrAfter(addDays(period.end, graceDays), calendar);
}

/**
 * "What does this calendar do to a deadline?" for the calendar editor: the same rules the
 * case clock uses, applied to one start date with the county's calendar and, for contrast,
 * with weekends only. A clerk editing holidays sees the effect before saving.
 */
import type { WorkCalendar } from './calendar.ts';
import type { CivilDate } from './civil-date.ts';
import { applyDayCount, type DayCount, type DeadlineRules } from './deadlines.ts';

export type PreviewRule = 'accept' | 'assign' | 'simple' | 'general' | 'major';

export interface DeadlinePreview {
  rule: PreviewRule;
  count: DayCount;
  /** Due date under the given calendar. */
  dueOn: CivilDate;
  /** Due date with no holidays and no make-up days (Monday–Friday only). */
  dueOnWeekdaysOnly: CivilDate;
}

const WEEKDAYS_ONLY: WorkCalendar = { holidays: [], makeupWorkdays: [] };

export function previewDeadlines(start: CivilDate, rules: DeadlineRules, cal: WorkCalendar): DeadlinePreview[] {
  const counts: Array<[PreviewRule, DayCount]> = [
    ['accept', rules.acceptWithin],
    ['assign', { days: rules.assignWithinWorkingDays, kind: 'working' }],
    ['simple', rules.handling.simple],
    ['general', rules.handling.general],
    ['major', rules.handling.major],
  ];
  return counts.map(([rule, count]) => ({
    rule,
    count,
    dueOn: applyDayCount(start, count, cal),
    dueOnWeekdaysOnly: applyDayCount(start, count, WEEKDAYS_ONLY),
  }));
}

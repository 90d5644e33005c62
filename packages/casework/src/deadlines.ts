/**
 * Time limits of docs/domain.md §3, as rule data.
 *
 * The source says "日" (days). Chinese administrative law, including the 信访工作条例,
 * reads a bare 日 as calendar days and only says 工作日 when it means working days, so the
 * default counts the 7- and 30-day handling limits in calendar days, with the usual rule
 * that a limit ending on a day off runs to the next working day (期间届满日为节假日的顺延).
 * "Simple matters the same day" and "assign within 2 days of a reception day" are counted
 * in working days: a same-day rule only makes sense on a working day, and the brief for
 * this package asked for working days there. Counties can switch any rule by editing data.
 */
import { addWorkingDays, nextWorkingDayOnOrAfter, workingDaysBetween, type WorkCalendar } from './calendar.ts';
import { addDays, compareDates, shanghaiDate, type CivilDate } from './civil-date.ts';
import type { CaseState, Channel, Complexity } from './petition-types.ts';

export interface DayCount {
  days: number;
  kind: 'working' | 'calendar';
}

export interface DeadlineRules {
  /** After a leadership reception day (领导接访日) intake, assign within this many working days. */
  assignWithinWorkingDays: number;
  handling: Record<Complexity, DayCount>;
  /** An open case whose due date is at most this many working days away is "due soon". */
  dueSoonWithinWorkingDays: number;
}

export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  assignWithinWorkingDays: 2,
  handling: {
    simple: { days: 0, kind: 'working' },
    general: { days: 7, kind: 'calendar' },
    major: { days: 30, kind: 'calendar' },
  },
  dueSoonWithinWorkingDays: 2,
};

/** Applies a day count from a start date; see the module comment for how each kind counts. */
export function applyDayCount(start: CivilDate, count: DayCount, cal: WorkCalendar): CivilDate {
  if (count.kind === 'working') return addWorkingDays(start, count.days, cal);
  // The start day is not counted; a limit ending on a day off runs to the next working day.
  return nextWorkingDayOnOrAfter(addDays(start, count.days), cal);
}

/** Last civil date on which handling is on time, counted from the day of assignment. */
export function handlingDeadline(
  assignedOn: CivilDate,
  complexity: Complexity,
  rules: DeadlineRules,
  cal: WorkCalendar,
): CivilDate {
  return applyDayCount(assignedOn, rules.handling[complexity], cal);
}

/**
 * Last civil date on which assignment is on time. Only reception-day intakes carry an
 * assignment limit in the source; other channels return null (no rule, not "never late").
 */
export function assignmentDeadline(
  receivedOn: CivilDate,
  channel: Channel,
  rules: DeadlineRules,
  cal: WorkCalendar,
): CivilDate | null {
  if (channel !== 'reception_day') return null;
  return addWorkingDays(receivedOn, rules.assignWithinWorkingDays, cal);
}

export type ClockStatus = 'on_time' | 'due_soon' | 'overdue' | 'closed_on_time' | 'closed_late' | 'no_deadline';

export interface CaseClock {
  status: ClockStatus;
  dueOn: CivilDate | null;
  /**
   * Open case: working days from today to dueOn (0 = due today, negative = working days
   * overdue). Closed case: working days from closing to dueOn (the margin; negative if late).
   * null when there is no deadline.
   */
  daysLeft: number | null;
}

/**
 * Where a case stands against its time limit on `now`.
 *
 * - Assigned cases run against the handling deadline fixed at assignment, and stop when
 *   replied (答复 is when the matter is handled; revisit and archive are follow-up).
 * - Reception-day cases not yet assigned run against the assignment deadline.
 * - Anything else (not yet assigned from another channel, refused) has no deadline in the
 *   source rules: status 'no_deadline'.
 */
export function caseClock(state: CaseState, now: Date, rules: DeadlineRules, cal: WorkCalendar): CaseClock {
  const today = shanghaiDate(now);
  if (state.assignment !== null) {
    const dueOn = state.assignment.dueOn;
    if (state.reply !== null) return closed(state.reply.on, dueOn, cal);
    return open(today, dueOn, rules, cal);
  }
  if (state.status === 'refused' || state.status === 'archived') return { status: 'no_deadline', dueOn: null, daysLeft: null };
  const assignBy = assignmentDeadline(state.receivedOn, state.channel, rules, cal);
  if (assignBy === null) return { status: 'no_deadline', dueOn: null, daysLeft: null };
  return open(today, assignBy, rules, cal);
}

function open(today: CivilDate, dueOn: CivilDate, rules: DeadlineRules, cal: WorkCalendar): CaseClock {
  const daysLeft = workingDaysBetween(today, dueOn, cal);
  if (compareDates(today, dueOn) > 0) return { status: 'overdue', dueOn, daysLeft };
  const status = daysLeft <= rules.dueSoonWithinWorkingDays ? 'due_soon' : 'on_time';
  return { status, dueOn, daysLeft };
}

function closed(closedOn: CivilDate, dueOn: CivilDate, cal: WorkCalendar): CaseClock {
  const late = compareDates(closedOn, dueOn) > 0;
  return { status: late ? 'closed_late' : 'closed_on_time', dueOn, daysLeft: workingDaysBetween(closedOn, dueOn, cal) };
}

/**
 * The first date that is no longer "due within `workingDays` working days" of `today`:
 * a running deadline d is due soon when today ≤ d < this date. It is the inverse of
 * caseClock's daysLeft ≤ workingDays, so a list filtered in SQL on the stored due date
 * shows exactly the cases whose clock badge says due soon.
 */
export function dueWithinEnd(today: CivilDate, workingDays: number, cal: WorkCalendar): CivilDate {
  return addWorkingDays(today, workingDays + 1, cal);
}

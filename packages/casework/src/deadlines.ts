/**
 * Time limits of docs/domain.md §3, as rule data: one clock for every open state.
 *
 *   registered ── decide to accept or refuse ── accepted ── assign ── assigned/in progress ── handle ── replied
 *
 * The source says "日" (days). Chinese administrative law, including the 信访工作条例,
 * reads a bare 日 as calendar days and only says 工作日 when it means working days, so the
 * default counts the 15-day acceptance limit and the 7- and 30-day handling limits in
 * calendar days, with the usual rule that a limit ending on a day off runs to the next
 * working day (期间届满日为节假日的顺延). "Simple matters the same day" and "assign within 2
 * days" are counted in working days: a same-day rule only makes sense on a working day.
 * Counties can switch any rule by editing data.
 */
import { addWorkingDays, nextWorkingDayOnOrAfter, workingDaysBetween, type WorkCalendar } from './calendar.ts';
import { addDays, compareDates, shanghaiDate, type CivilDate } from './civil-date.ts';
import type { CaseState, Channel, Complexity } from './petition-types.ts';

export interface DayCount {
  days: number;
  kind: 'working' | 'calendar';
}

export interface DeadlineRules {
  /**
   * Decide to accept or refuse (受理 / 不予受理) within this count after the case reaches the
   * unit: its receipt, or the day it was escalated there (the new level decides afresh).
   * The national petition regulations set 15 days.
   */
  acceptWithin: DayCount;
  /**
   * Assign within this many working days: counted from receipt for a leadership reception
   * day (领导接访日) intake, where the leader accepts on the spot, and from acceptance for
   * every other channel *(ours: the source gives the number for reception days only)*.
   */
  assignWithinWorkingDays: number;
  handling: Record<Complexity, DayCount>;
  /** An open case whose due date is at most this many working days away is "due soon". */
  dueSoonWithinWorkingDays: number;
}

export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  acceptWithin: { days: 15, kind: 'calendar' },
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
 * Last civil date on which a reception-day intake is assigned on time, counted from
 * receipt. Other channels return null here: their assignment clock starts at acceptance
 * (see runningDeadline).
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

/** Which limit a running clock counts against: acceptance decision, assignment, handling. */
export type ClockStage = 'accept' | 'assign' | 'handle';

/** The day the case reached the unit handling it now: its last escalation, else its receipt. */
export function arrivedOn(state: CaseState): CivilDate {
  return state.escalations.at(-1)?.on ?? state.receivedOn;
}

/**
 * The deadline the case runs against in its present state, or null when no clock runs
 * (refused, or archived without an assignment). Independent of today: the stage and the
 * date follow from the state alone, which is why the date can be stored and listed in SQL.
 *
 * - assigned (and after): the handling deadline fixed at assignment;
 * - a reception-day intake still at its first unit: assignment within the working days
 *   from receipt, which also covers acceptance (the leader accepts on the spot);
 * - accepted: assignment within the working days from acceptance;
 * - registered: the decision to accept or refuse, counted from arrival at the unit.
 */
export function runningDeadline(
  state: CaseState,
  rules: DeadlineRules,
  cal: WorkCalendar,
): { stage: ClockStage; dueOn: CivilDate } | null {
  if (state.assignment !== null) return { stage: 'handle', dueOn: state.assignment.dueOn };
  if (state.status !== 'registered' && state.status !== 'accepted') return null;
  if (state.escalations.length === 0) {
    const receptionDay = assignmentDeadline(state.receivedOn, state.channel, rules, cal);
    if (receptionDay !== null) return { stage: 'assign', dueOn: receptionDay };
  }
  if (state.status === 'accepted') {
    // A state stored before acceptedOn existed and missed by the data step counts from arrival.
    const from = state.acceptedOn ?? arrivedOn(state);
    return { stage: 'assign', dueOn: addWorkingDays(from, rules.assignWithinWorkingDays, cal) };
  }
  return { stage: 'accept', dueOn: applyDayCount(arrivedOn(state), rules.acceptWithin, cal) };
}

export type ClockStatus = 'on_time' | 'due_soon' | 'overdue' | 'closed_on_time' | 'closed_late' | 'no_deadline';

export interface CaseClock {
  status: ClockStatus;
  /** Which limit the clock counts against; null when there is no deadline. */
  stage: ClockStage | null;
  dueOn: CivilDate | null;
  /**
   * Open case: working days from today to dueOn (0 = due today, negative = working days
   * overdue). Closed case: working days from closing to dueOn (the margin; negative if late).
   * null when there is no deadline.
   */
  daysLeft: number | null;
  /**
   * Overdue only: working days past the deadline, as the case list and the supervision
   * notice both state it ("逾期 N 个工作日"). At least 1: the day after the due day is late
   * even when it is a day off and no working day has passed yet. null otherwise.
   */
  daysOverdue: number | null;
}

const NO_DEADLINE: CaseClock = { status: 'no_deadline', stage: null, dueOn: null, daysLeft: null, daysOverdue: null };

/**
 * Where a case stands against its time limit on `now`. The clock stops at the reply
 * (答复 is when the matter is handled; revisit and archive are follow-up).
 */
export function caseClock(state: CaseState, now: Date, rules: DeadlineRules, cal: WorkCalendar): CaseClock {
  const running = runningDeadline(state, rules, cal);
  if (running === null) return NO_DEADLINE;
  if (state.reply !== null) return closed(state.reply.on, running.stage, running.dueOn, cal);
  return open(shanghaiDate(now), running.stage, running.dueOn, rules, cal);
}

function open(
  today: CivilDate,
  stage: ClockStage,
  dueOn: CivilDate,
  rules: DeadlineRules,
  cal: WorkCalendar,
): CaseClock {
  const daysLeft = workingDaysBetween(today, dueOn, cal);
  if (compareDates(today, dueOn) > 0)
    return { status: 'overdue', stage, dueOn, daysLeft, daysOverdue: Math.max(1, -daysLeft) };
  const status = daysLeft <= rules.dueSoonWithinWorkingDays ? 'due_soon' : 'on_time';
  return { status, stage, dueOn, daysLeft, daysOverdue: null };
}

function closed(closedOn: CivilDate, stage: ClockStage, dueOn: CivilDate, cal: WorkCalendar): CaseClock {
  const late = compareDates(closedOn, dueOn) > 0;
  return {
    status: late ? 'closed_late' : 'closed_on_time',
    stage,
    dueOn,
    daysLeft: workingDaysBetween(closedOn, dueOn, cal),
    daysOverdue: null,
  };
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

/**
 * The facts printed on a supervision notice (督办通知书) for an overdue case (docs/domain.md §3:
 * "past the limit the case is overdue and the supervising unit issues a 督办通知书").
 *
 * The source names the notice, not its layout; what we print and why:
 * - days overdue in working days, taken from the case clock (CaseClock.daysOverdue), so the
 *   notice and the case list state one figure counted one way;
 * - a reply date a few working days after issue *(default 5)*: the responsible unit must
 *   report progress by then, and a date landing on a holiday would be unfair;
 * - the notice number is derived from the case number and the issue date, so reprinting
 *   the same notice on the same day gives the same number and no counter is needed;
 * - the issuer is the unit above the responsible unit (supervisingUnitOf), never the
 *   responsible unit itself.
 */
import { addWorkingDays, type WorkCalendar } from './calendar.ts';
import { shanghaiDate, type CivilDate } from './civil-date.ts';
import type { CaseClock, ClockStage } from './deadlines.ts';
import type { CodedError } from './message.ts';
import type { CaseState } from './petition-types.ts';
import { ancestorAt, unitLevelOf } from './unit-code.ts';

/** Working days the responsible unit has to report back after the notice *(default)*. */
export const NOTICE_REPLY_WORKING_DAYS = 5;

export interface NoticeFacts {
  noticeNumber: string;
  issuedOn: CivilDate;
  dueOn: CivilDate;
  /** Which limit was missed: acceptance decision, assignment or handling. */
  stage: ClockStage;
  /** Working days overdue, the case clock's own figure. */
  daysOverdue: number;
  replyBy: CivilDate;
}

export function supervisionNotice(
  input: { caseNumber: string; clock: CaseClock },
  now: Date,
  calendar: WorkCalendar,
  replyWorkingDays: number = NOTICE_REPLY_WORKING_DAYS,
): { ok: true; notice: NoticeFacts } | { ok: false; error: CodedError<'not_overdue'> } {
  const { clock } = input;
  if (clock.status !== 'overdue' || clock.dueOn === null || clock.stage === null || clock.daysOverdue === null) {
    return {
      ok: false,
      error: {
        code: 'not_overdue',
        zh: '该信访件未逾期，不能出具督办通知书',
        en: 'This case is not overdue; no supervision notice can be issued',
      },
    };
  }
  const today = shanghaiDate(now);
  const sequence = input.caseNumber.split('-').pop() ?? input.caseNumber;
  return {
    ok: true,
    notice: {
      noticeNumber: `督〔${today.slice(0, 4)}〕${sequence}-${today.slice(5, 7)}${today.slice(8, 10)}号`,
      issuedOn: today,
      dueOn: clock.dueOn,
      stage: clock.stage,
      daysOverdue: clock.daysOverdue,
      replyBy: addWorkingDays(today, replyWorkingDays, calendar),
    },
  };
}

/** The unit that must act on the case now: the assigned (responsible) unit, else the handling unit. */
export function responsibleUnitOf(state: Pick<CaseState, 'unitCode' | 'assignment'>): string {
  return state.assignment?.unitCode ?? state.unitCode;
}

/**
 * Who supervises, and so issues the notice: the unit directly above the responsible unit
 * (a village's township, a township's county). A case the county itself is responsible for
 * is supervised by the county's supervising office (督查室), never by the county addressing
 * itself. A case the county assigned down to a township is supervised by the county.
 */
export type Supervisor = { kind: 'unit'; unitCode: string } | { kind: 'county_office'; countyUnitCode: string };

export function supervisingUnitOf(responsibleUnitCode: string): Supervisor {
  const level = unitLevelOf(responsibleUnitCode);
  if (level === 'village') return { kind: 'unit', unitCode: ancestorAt(responsibleUnitCode, 'township') };
  if (level === 'township') return { kind: 'unit', unitCode: ancestorAt(responsibleUnitCode, 'county') };
  return { kind: 'county_office', countyUnitCode: ancestorAt(responsibleUnitCode, 'county') };
}

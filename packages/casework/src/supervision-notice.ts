/**
 * The facts printed on a supervision notice (督办通知书) for an overdue case (docs/domain.md §3:
 * "past the limit the case is overdue and the supervising unit issues a 督办通知书").
 *
 * The source names the notice, not its layout; what we print and why:
 * - days overdue in calendar days (the handling limits themselves are calendar days, so
 *   "逾期 N 天" is read the same way);
 * - a reply date a few working days after issue *(default 5)*: the responsible unit must
 *   report progress by then, and a date landing on a holiday would be unfair;
 * - the notice number is derived from the case number and the issue date, so reprinting
 *   the same notice on the same day gives the same number and no counter is needed.
 */
import { addWorkingDays, type WorkCalendar } from './calendar.ts';
import { compareDates, shanghaiDate, toDayNumber, type CivilDate } from './civil-date.ts';
import type { CodedError } from './message.ts';

/** Working days the responsible unit has to report back after the notice *(default)*. */
export const NOTICE_REPLY_WORKING_DAYS = 5;

export interface NoticeFacts {
  noticeNumber: string;
  issuedOn: CivilDate;
  dueOn: CivilDate;
  daysOverdue: number;
  replyBy: CivilDate;
}

export function supervisionNotice(
  input: { caseNumber: string; dueOn: CivilDate | null; closed: boolean },
  now: Date,
  calendar: WorkCalendar,
  replyWorkingDays: number = NOTICE_REPLY_WORKING_DAYS,
): { ok: true; notice: NoticeFacts } | { ok: false; error: CodedError<'not_overdue'> } {
  const today = shanghaiDate(now);
  if (input.closed || input.dueOn === null || compareDates(today, input.dueOn) <= 0) {
    return { ok: false, error: { code: 'not_overdue', zh: '该信访件未逾期，不能出具督办通知书', en: 'This case is not overdue; no supervision notice can be issued' } };
  }
  const sequence = input.caseNumber.split('-').pop() ?? input.caseNumber;
  return {
    ok: true,
    notice: {
      noticeNumber: `督〔${today.slice(0, 4)}〕${sequence}-${today.slice(5, 7)}${today.slice(8, 10)}号`,
      issuedOn: today,
      dueOn: input.dueOn,
      daysOverdue: toDayNumber(today) - toDayNumber(input.dueOn),
      replyBy: addWorkingDays(today, replyWorkingDays, calendar),
    },
  };
}

/**
 * The state of one unit × period cell. Late (迟报) and missing (漏报) are found here, from the
 * instants reports were filed; nobody declares them by hand (docs/domain.md §5).
 */
import { shanghaiDate, type CivilDate } from '@tally/casework';

export const CELL_STATES = ['not_due', 'pending', 'on_time', 'late', 'missing', 'returned', 'zero'] as const;
export type CellState = (typeof CELL_STATES)[number];

export const CELL_STATE_LABELS: Readonly<Record<CellState, { zh: string; en: string }>> = {
  not_due: { zh: '未到期', en: 'Not due' },
  pending: { zh: '待报', en: 'Due' },
  on_time: { zh: '按时', en: 'On time' },
  late: { zh: '迟报', en: 'Late' },
  missing: { zh: '漏报', en: 'Missing' },
  returned: { zh: '退回', en: 'Returned' },
  zero: { zh: '零报告', en: 'Zero report' },
};

/** What the reports table says about one unit's report for one period. */
export interface Submission {
  unitCode: string;
  kind: string;
  periodKey: string;
  /** draft: never filed (or filed and taken back into a draft is not a thing: a draft is unfiled). */
  state: 'draft' | 'submitted' | 'accepted' | 'returned';
  /** The instant the standing version was filed; null for a draft never filed. */
  submittedAt: Date | null;
  /** The standing version is an explicit 本期无情况 zero report. */
  zero: boolean;
  /** The report was returned at least once (kept for the record; the state decides). */
  returned: boolean;
}

export interface CellInput {
  periodEnd: CivilDate;
  deadline: CivilDate;
  submission: Submission | null;
  now: Date;
}

/**
 * - a filed report (submitted or accepted) is judged by the Shanghai date of the instant its
 *   standing version was filed: on or before the deadline → on time (零报告 when it is a zero
 *   report), after → late. A report returned and filed again is judged by the new filing.
 * - a report returned and not filed again is 退回 until filed again.
 * - nothing filed: 未到期 while the period runs, 待报 from its last day to the deadline, 漏报 after.
 */
export function cellState({ periodEnd, deadline, submission, now }: CellInput): CellState {
  const today = shanghaiDate(now);
  if (submission && submission.state === 'returned') return 'returned';
  if (submission?.submittedAt && (submission.state === 'submitted' || submission.state === 'accepted')) {
    if (shanghaiDate(submission.submittedAt) > deadline) return 'late';
    return submission.zero ? 'zero' : 'on_time';
  }
  if (today < periodEnd) return 'not_due';
  if (today <= deadline) return 'pending';
  return 'missing';
}

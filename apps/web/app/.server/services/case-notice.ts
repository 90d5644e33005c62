import { eq } from 'drizzle-orm';
import {
  DEFAULT_DEADLINE_RULES,
  caseClock,
  responsibleUnitOf,
  supervisingUnitOf,
  supervisionNotice,
  type CaseState,
  type WorkCalendar,
} from '@tally/casework';
import { schema, type Actor, type Transaction } from '@tally/db';
import { UserFacingError } from '../errors.ts';
import { personalDataFor } from './case-records.ts';
import { unitNamesOf } from './unit-names.ts';

type CaseRow = typeof schema.petitionCases.$inferSelect;

/**
 * What a supervision notice (督办通知书) prints for an overdue case, or a refusal in the
 * user's language when the case is not overdue (docs/domain.md §3).
 *
 * - Issuer (the supervising unit): the unit above the responsible unit, or the county's
 *   supervising office when the county itself is responsible (supervisingUnitOf), so a
 *   notice never goes from a unit to itself. The 六定 supervising unit is printed beside
 *   it when it was recorded and names someone else.
 * - Addressee: the 六定 responsible unit when set, else the responsible unit by the workflow.
 * - 包案领导 and 督办人 as on file (六定); blank lines when not recorded, to be filled by hand.
 * - Days overdue: the case clock's working days, the figure the case list shows.
 * A notice is a printout: the summary is on it only for a unit that may read it in full
 * (§8); otherwise the notice names the matter by its category.
 */
export async function noticeFor(tx: Transaction, actor: Actor, row: CaseRow, now: Date, calendar: WorkCalendar) {
  const state = row.state as CaseState;
  const clock = caseClock(state, now, DEFAULT_DEADLINE_RULES, calendar);
  const result = supervisionNotice({ caseNumber: row.caseNumber, clock }, now, calendar);
  if (!result.ok) throw new UserFacingError('BAD_REQUEST', 'cases.error.notOverdue');
  const [county] = await tx
    .select({ name: schema.counties.name })
    .from(schema.counties)
    .where(eq(schema.counties.countyId, actor.countyId));
  const responsibleCode = responsibleUnitOf(state);
  const supervisor = supervisingUnitOf(responsibleCode);
  const supervisorCode = supervisor.kind === 'unit' ? supervisor.unitCode : null;
  const names = await unitNamesOf(tx, actor.countyId, [responsibleCode, supervisorCode]);
  return {
    ...result.notice,
    countyName: county?.name ?? '',
    /** The issuing unit's name; null with supervisingOffice set for the county's supervising office (named by the page, in its language). */
    supervisingUnit: supervisorCode ? (names[supervisorCode] ?? supervisorCode) : null,
    supervisingOffice: supervisor.kind === 'county_office',
    recordedSupervisingUnit: row.supervisingUnit,
    caseId: row.id,
    caseNumber: row.caseNumber,
    category: row.category,
    summary: personalDataFor(row, actor).summary,
    responsibleUnit: row.responsibleUnit ?? names[responsibleCode] ?? responsibleCode,
    responsiblePerson: row.responsiblePerson ?? row.assignedPerson,
    leadLeader: row.leadLeader,
    supervisor: row.supervisor,
    flagged: row.flagged,
  };
}

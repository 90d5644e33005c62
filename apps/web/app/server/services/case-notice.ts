import { and, eq } from 'drizzle-orm';
import { DEFAULT_DEADLINE_RULES, caseClock, supervisionNotice, type CaseState, type WorkCalendar } from '@tally/casework';
import { schema, type Actor, type Transaction } from '@tally/db';
import { UserFacingError } from '../errors.ts';
import { personalDataFor } from './case-records.ts';

type CaseRow = typeof schema.petitionCases.$inferSelect;

/**
 * What a supervision notice (督办通知书) prints for an overdue case, or a refusal in the
 * user's language when the case is not overdue. The issuing unit is the viewer's own unit:
 * whoever supervises prints it. Responsible unit and person come from the 六定 fields when
 * set, else from the assignment; the supervising unit from 六定, else the issuing unit.
 * A notice is a printout: the summary is on it only for a unit that may read it in full
 * (§8); otherwise the notice names the matter by its category.
 */
export async function noticeFor(tx: Transaction, actor: Actor, row: CaseRow, now: Date, calendar: WorkCalendar) {
  const clock = caseClock(row.state as CaseState, now, DEFAULT_DEADLINE_RULES, calendar);
  const closed = clock.status === 'closed_on_time' || clock.status === 'closed_late';
  const result = supervisionNotice({ caseNumber: row.caseNumber, dueOn: clock.dueOn, closed }, now, calendar);
  if (!result.ok) throw new UserFacingError('BAD_REQUEST', 'cases.error.notOverdue');
  const [county] = await tx.select({ name: schema.counties.name }).from(schema.counties).where(eq(schema.counties.countyId, actor.countyId));
  const unitName = async (code: string | null) => {
    if (!code) return null;
    const [unit] = await tx.select({ name: schema.units.name }).from(schema.units).where(and(eq(schema.units.countyId, actor.countyId), eq(schema.units.code, code)));
    return unit?.name ?? code;
  };
  const assignedCode = row.assignedUnitCode ?? (row.assignedPerson ? row.unitCode : null);
  const issuingUnit = (await unitName(actor.unitCode)) ?? actor.unitCode;
  return {
    ...result.notice,
    countyName: county?.name ?? '',
    issuingUnit,
    caseId: row.id,
    caseNumber: row.caseNumber,
    category: row.category,
    summary: personalDataFor(row, actor).summary,
    responsibleUnit: row.responsibleUnit ?? (await unitName(assignedCode)) ?? (await unitName(row.unitCode)),
    responsiblePerson: row.responsiblePerson ?? row.assignedPerson,
    supervisingUnit: row.supervisingUnit ?? issuingUnit,
    supervisor: row.supervisor,
    flagged: row.flagged,
  };
}

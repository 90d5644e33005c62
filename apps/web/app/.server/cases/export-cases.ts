import { and, count, desc } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { UserFacingError } from '../errors.ts';
import { listFilters, type CaseFilterInput } from '../services/case-filters.ts';
import { exportedPersonalData } from '../services/case-records.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { visibleTo } from './find-case.ts';

/** The most cases one export writes: several years of a busy county. */
const CASE_EXPORT_LIMIT = 200_000;

/**
 * Every case of a filtered list, for a spreadsheet; audited. Petitioners' personal data is
 * filled only for cases the actor's own unit handles, the summary also where the case is
 * assigned to it: an export made above them carries none (§8).
 */
export async function exportCases(tx: Transaction, ctx: AuthedContext, input: CaseFilterInput) {
  const filters = and(
    visibleTo(ctx),
    listFilters(input, ctx.now, await countyCalendar(tx, ctx.actor.countyId), ctx.actor.unitCode),
  );
  const [total] = await tx.select({ n: count() }).from(schema.petitionCases).where(filters);
  if ((total?.n ?? 0) > CASE_EXPORT_LIMIT)
    throw new UserFacingError('BAD_REQUEST', 'error.register.exportTooLarge', {
      limit: CASE_EXPORT_LIMIT,
      rows: total!.n,
    });
  const rows = await tx
    .select()
    .from(schema.petitionCases)
    .where(filters)
    .orderBy(desc(schema.petitionCases.receivedAt), desc(schema.petitionCases.id));
  await auditChange(tx, ctx, {
    action: 'cases.export',
    objectType: 'petition_case',
    objectId: ctx.actor.unitCode,
    detail: { rows: rows.length, filters: input },
  });
  return rows.map((row) => ({
    id: row.id,
    caseNumber: row.caseNumber,
    receivedAt: row.receivedAt,
    channel: row.channel,
    category: row.category,
    status: row.status,
    unitCode: row.unitCode,
    peopleCount: row.peopleCount,
    skipLevel: row.skipLevel,
    repeatPetition: row.repeatPetition,
    flagged: row.flagged,
    dueOn: row.dueOn,
    assignedPerson: row.assignedPerson,
    ...exportedPersonalData(row, ctx.actor),
  }));
}

import { and, eq } from 'drizzle-orm';
import { checkCalendarYear } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { UserFacingError } from '../errors.ts';
import { refreshOpenClocks } from '../services/case-clocks.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';

/**
 * Replace one year's lists: checked (a malformed or contradictory entry is named in the user's
 * language), stored and audited in one transaction, and the open cases' due dates moved with it.
 */
export async function saveCalendar(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; holidays: string[]; makeupWorkdays: string[] },
) {
  const checked = checkCalendarYear(input.year, input.holidays, input.makeupWorkdays);
  if (!checked.ok) {
    throw new UserFacingError('BAD_REQUEST', 'error.domain', {
      zh: checked.issues.map((issue) => issue.zh).join('；'),
      en: checked.issues.map((issue) => issue.en).join('; '),
    });
  }
  const { holidays, makeupWorkdays } = checked.calendar;
  const key = and(eq(schema.workCalendars.countyId, ctx.actor.countyId), eq(schema.workCalendars.year, input.year));
  const [before] = await tx.select().from(schema.workCalendars).where(key).for('update');
  await tx
    .insert(schema.workCalendars)
    .values({ countyId: ctx.actor.countyId, year: input.year, holidays, makeupWorkdays, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: [schema.workCalendars.countyId, schema.workCalendars.year],
      set: { holidays, makeupWorkdays, updatedAt: ctx.now },
    });
  // The overdue list reads stored due dates: move the ones this calendar decides, in the same transaction.
  const movedCases = await refreshOpenClocks(
    tx,
    ctx.actor.countyId,
    ctx.now,
    await countyCalendar(tx, ctx.actor.countyId),
  );
  await auditChange(tx, ctx, {
    action: 'calendar.save',
    objectType: 'work_calendar',
    objectId: String(input.year),
    detail: {
      before: before ? { holidays: before.holidays, makeupWorkdays: before.makeupWorkdays } : null,
      after: { holidays, makeupWorkdays },
      movedCases,
    },
  });
  return { year: input.year, holidays, makeupWorkdays, movedCases };
}

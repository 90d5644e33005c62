import { and, count, desc, sql } from 'drizzle-orm';
import { DEFAULT_DEADLINE_RULES, caseClock, type CaseState } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { listFilters, type CaseListInput } from '../services/case-filters.ts';
import { personalDataFor } from '../services/case-records.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import type { AuthedContext } from '../trpc.ts';
import { visibleTo } from './find-case.ts';

/** One page, newest first, filtered; personal data masked outside the handling unit. */
export async function listCases(tx: Transaction, ctx: AuthedContext, input: CaseListInput) {
  const calendar = await countyCalendar(tx, ctx.actor.countyId);
  const filters = and(visibleTo(ctx), listFilters(input, ctx.now, calendar, ctx.actor.unitCode));
  // The to-do list reads soonest deadline first; every other list newest first.
  const order = input.awaitingMyUnit
    ? [
        sql`${schema.petitionCases.clockDueOn} asc nulls last`,
        desc(schema.petitionCases.receivedAt),
        desc(schema.petitionCases.id),
      ]
    : [desc(schema.petitionCases.receivedAt), desc(schema.petitionCases.id)];
  const [rows, [total]] = await Promise.all([
    tx
      .select()
      .from(schema.petitionCases)
      .where(filters)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    tx.select({ n: count() }).from(schema.petitionCases).where(filters),
  ]);
  return {
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    rows: rows.map((row) => ({
      id: row.id,
      caseNumber: row.caseNumber,
      receivedAt: row.receivedAt,
      channel: row.channel,
      category: row.category,
      status: row.status,
      unitCode: row.unitCode,
      assignedUnitCode: row.assignedUnitCode,
      peopleCount: row.peopleCount,
      skipLevel: row.skipLevel,
      flagged: row.flagged,
      dueOn: row.dueOn,
      clock: caseClock(row.state as CaseState, ctx.now, DEFAULT_DEADLINE_RULES, calendar),
      ...personalDataFor(row, ctx.actor),
    })),
  };
}

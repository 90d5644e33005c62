import { and, sql } from 'drizzle-orm';
import { shanghaiDate } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { noticeFor } from '../services/case-notice.ts';
import { inScope, listScope } from '../services/unit-scope.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import type { AuthedContext } from '../trpc.ts';
import { findCase, visibleTo } from './find-case.ts';

/** The most supervision notices one batch prints. */
const NOTICE_BATCH_LIMIT = 200;

/**
 * A notice for every overdue case in scope, most overdue first, to print as one batch.
 * Bounded: a supervising unit with more than this many overdue cases prints by township.
 */
export async function overdueNotices(tx: Transaction, ctx: AuthedContext, input: { unitCode?: string | undefined }) {
  const calendar = await countyCalendar(tx, ctx.actor.countyId);
  const within = input.unitCode ? listScope(ctx.actor, input.unitCode) : ctx.actor.scope;
  const rows = await tx
    .select()
    .from(schema.petitionCases)
    .where(
      and(
        visibleTo(ctx),
        inScope(schema.petitionCases.unitCode, within),
        sql`${schema.petitionCases.clockDueOn} < ${shanghaiDate(ctx.now)}`,
      ),
    )
    .orderBy(schema.petitionCases.clockDueOn, schema.petitionCases.caseNumber)
    .limit(NOTICE_BATCH_LIMIT + 1);
  const notices = [];
  for (const row of rows.slice(0, NOTICE_BATCH_LIMIT))
    notices.push(await noticeFor(tx, ctx.actor, row, ctx.now, calendar));
  return { notices, more: rows.length > NOTICE_BATCH_LIMIT };
}

/** The supervision notice (督办通知书) of an overdue case; refused, in words, for one that is not overdue. */
export async function caseNotice(tx: Transaction, ctx: AuthedContext, id: string) {
  const row = await findCase(tx, ctx, id);
  return noticeFor(tx, ctx.actor, row, ctx.now, await countyCalendar(tx, ctx.actor.countyId));
}

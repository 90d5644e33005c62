import { and, desc, eq, gte, lt } from 'drizzle-orm';
import { immediateTimeliness, isImmediateEventKind } from '@tally/reporting';
import { schema, type Transaction } from '@tally/db';
import { actorDisplayName } from '../assessment-inputs/actor-name.ts';
import { UserFacingError } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { notifyImmediate } from './immediate-stream.ts';
import { parentCodeOf } from './report-access.ts';

export const IMMEDIATE_TITLE_MAX = 100;
export const IMMEDIATE_SUMMARY_MAX = 5_000;

function instant(value: string, field: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new UserFacingError('BAD_REQUEST', 'reports.error.instant', { field });
  return date;
}

/**
 * File a 第一时间报告 from the actor's own unit (a village or a township): reported now, on the
 * server's clock; the unit says when the event happened and when it learned of it. Known after
 * now or before it happened is refused. Whether it came within the hour is derived on reading.
 */
export async function fileImmediate(
  tx: Transaction,
  ctx: AuthedContext,
  input: { eventKind: string; title: string; summary: string; occurredAt: string; knownAt: string },
) {
  if (!parentCodeOf(ctx.actor.unitCode)) throw new UserFacingError('BAD_REQUEST', 'reports.error.noObligation');
  if (!isImmediateEventKind(input.eventKind)) throw new UserFacingError('BAD_REQUEST', 'reports.error.eventKind');
  const title = input.title.trim();
  const summary = input.summary.trim();
  if (!title || title.length > IMMEDIATE_TITLE_MAX)
    throw new UserFacingError('BAD_REQUEST', 'reports.error.immediateTitle', { max: IMMEDIATE_TITLE_MAX });
  if (!summary || summary.length > IMMEDIATE_SUMMARY_MAX)
    throw new UserFacingError('BAD_REQUEST', 'reports.error.immediateSummary', { max: IMMEDIATE_SUMMARY_MAX });
  const occurredAt = instant(input.occurredAt, 'occurredAt');
  const knownAt = instant(input.knownAt, 'knownAt');
  if (knownAt > ctx.now || occurredAt > knownAt)
    throw new UserFacingError('BAD_REQUEST', 'reports.error.immediateOrder');
  const [row] = await tx
    .insert(schema.immediateReports)
    .values({
      countyId: ctx.actor.countyId,
      unitCode: ctx.actor.unitCode,
      eventKind: input.eventKind,
      title,
      summary,
      occurredAt,
      knownAt,
      reportedAt: ctx.now,
      reportedBy: ctx.actor.userId,
      reportedByName: await actorDisplayName(tx, ctx.actor),
    })
    .returning();
  const timeliness = immediateTimeliness(knownAt, ctx.now);
  await auditChange(tx, ctx, {
    action: 'reports.fileImmediate',
    objectType: 'immediate_report',
    objectId: ctx.actor.unitCode,
    detail: {
      id: row!.id,
      eventKind: input.eventKind,
      minutes: timeliness.minutes,
      withinLimit: timeliness.withinLimit,
    },
  });
  await notifyImmediate(tx, {
    countyId: row!.countyId,
    id: row!.id,
    unitCode: row!.unitCode,
    eventKind: row!.eventKind,
    reportedAt: row!.reportedAt.toISOString(),
    withinLimit: timeliness.withinLimit,
  });
  return { ...row!, ...timeliness };
}

/** The 第一时间报告 of a year the actor may see (its own unit's and those below), newest first, each with its timeliness. */
export async function listImmediate(tx: Transaction, ctx: AuthedContext, input: { year: number }) {
  const r = schema.immediateReports;
  const from = new Date(`${input.year}-01-01T00:00:00+08:00`);
  const to = new Date(`${input.year + 1}-01-01T00:00:00+08:00`);
  const rows = await tx
    .select()
    .from(r)
    .where(and(eq(r.countyId, ctx.actor.countyId), gte(r.reportedAt, from), lt(r.reportedAt, to)))
    .orderBy(desc(r.reportedAt))
    .limit(500);
  return rows.map((row) => ({ ...row, ...immediateTimeliness(row.knownAt, row.reportedAt) }));
}

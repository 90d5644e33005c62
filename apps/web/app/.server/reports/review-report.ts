import { and, eq, sql } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { actorDisplayName } from '../assessment-inputs/actor-name.ts';
import { UserFacingError } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { lockReport, visibleReport, type ReportRow } from './report-access.ts';

export const REVIEW_COMMENT_MAX = 2_000;

/**
 * Accept or return a filed report: only the unit directly above (the report's parent_code), only
 * while it stands filed, against the version the reviewer saw. A return needs a comment; the
 * review is written once onto the filed version and the report's state follows.
 */
export async function reviewReport(
  tx: Transaction,
  ctx: AuthedContext,
  input: { id: string; expectedVersion: number; outcome: 'accepted' | 'returned'; comment?: string | null | undefined },
): Promise<ReportRow> {
  const seen = await visibleReport(tx, ctx.actor, input.id);
  if (seen.parentCode !== ctx.actor.unitCode) throw new UserFacingError('FORBIDDEN', 'reports.error.notReviewer');
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > REVIEW_COMMENT_MAX)
    throw new UserFacingError('BAD_REQUEST', 'reports.error.commentTooLong', { max: REVIEW_COMMENT_MAX });
  if (input.outcome === 'returned' && !comment)
    throw new UserFacingError('BAD_REQUEST', 'reports.error.commentRequired', { field: 'comment' });
  const row = await lockReport(tx, ctx.actor, seen.id);
  if (row?.state !== 'submitted') throw new UserFacingError('BAD_REQUEST', 'reports.error.notFiled');
  if (row.version !== input.expectedVersion)
    throw new UserFacingError('CONFLICT', 'reports.error.stale', { current: row.version });
  const v = schema.reportVersions;
  const name = await actorDisplayName(tx, ctx.actor);
  await tx
    .update(v)
    .set({
      reviewOutcome: input.outcome,
      reviewComment: comment,
      reviewedAt: ctx.now,
      reviewedBy: ctx.actor.userId,
      reviewedByName: name,
    })
    .where(and(eq(v.countyId, row.countyId), eq(v.reportId, row.id), eq(v.versionNo, row.filedVersionNo)));
  const r = schema.reports;
  const [report] = await tx
    .update(r)
    .set({
      state: input.outcome,
      everReturned: input.outcome === 'returned' ? true : row.everReturned,
      version: sql`${r.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(r.countyId, row.countyId), eq(r.id, row.id)))
    .returning();
  await auditChange(tx, ctx, {
    action: 'reports.review',
    objectType: 'report',
    objectId: row.unitCode,
    detail: {
      reportId: row.id,
      kind: row.kind,
      period: row.periodKey,
      versionNo: row.filedVersionNo,
      outcome: input.outcome,
    },
  });
  return report!;
}

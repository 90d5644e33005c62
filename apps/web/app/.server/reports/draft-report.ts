import { and, eq, sql } from 'drizzle-orm';
import { shanghaiDate } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import type { ReportNarrative } from '@tally/db/reports';
import { UserFacingError } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';
import { cleanNarrative, EMPTY_NARRATIVE } from './narrative.ts';
import { lockReport, owedPeriod, ownReport, type ReportRow } from './report-access.ts';
import { currentFigures } from './current-figures.ts';

/**
 * Get or create the actor's own report for a kind and period. While it can be edited (a draft,
 * or returned) its figures are read afresh from the ledgers, so what the clerk sees and files is
 * what the ledgers hold now; a filed report is shown as filed.
 */
export async function draftReport(
  tx: Transaction,
  ctx: AuthedContext,
  input: { kind: string; periodKey: string },
): Promise<ReportRow> {
  const { kind, period, parentCode } = await owedPeriod(
    tx,
    ctx.actor,
    input.kind,
    input.periodKey,
    shanghaiDate(ctx.now),
  );
  const r = schema.reports;
  const figures = await currentFigures(tx, ctx.actor, period, ctx.now);
  // Two first visits at once create one report: the unique key decides, the second reads it.
  await tx
    .insert(r)
    .values({
      countyId: ctx.actor.countyId,
      unitCode: ctx.actor.unitCode,
      parentCode,
      kind,
      periodKey: period.key,
      narrative: EMPTY_NARRATIVE,
      figures: { ...figures },
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(r)
    .where(
      and(
        eq(r.countyId, ctx.actor.countyId),
        eq(r.unitCode, ctx.actor.unitCode),
        eq(r.kind, kind),
        eq(r.periodKey, period.key),
      ),
    );
  if (!row) throw new Error('report row vanished after insert');
  if (row.state !== 'draft' && row.state !== 'returned') return row;
  // Refreshing the figures is not an edit: the version stays, so an open form is not made stale.
  const [refreshed] = await tx
    .update(r)
    .set({ figures: { ...figures } })
    .where(and(eq(r.countyId, row.countyId), eq(r.id, row.id)))
    .returning();
  return refreshed ?? row;
}

/** Save the narrative of a draft (or of a returned report being corrected) against the version the form showed. */
export async function saveDraft(
  tx: Transaction,
  ctx: AuthedContext,
  input: { id: string; expectedVersion: number; narrative: Partial<ReportNarrative> },
): Promise<ReportRow> {
  const narrative = cleanNarrative(input.narrative);
  const seen = await ownReport(tx, ctx.actor, input.id);
  const row = await lockReport(tx, ctx.actor, seen.id);
  if (!row) throw new UserFacingError('BAD_REQUEST', 'reports.error.notEditable');
  if (row.version !== input.expectedVersion)
    throw new UserFacingError('CONFLICT', 'reports.error.stale', { current: row.version });
  const r = schema.reports;
  const [saved] = await tx
    .update(r)
    .set({ narrative, version: sql`${r.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(r.countyId, row.countyId), eq(r.id, row.id)))
    .returning();
  return saved!;
}

import { and, desc, eq, sql } from 'drizzle-orm';
import { shanghaiDate } from '@tally/casework';
import { periodOf, isPeriodicKind } from '@tally/reporting';
import { schema, type Transaction } from '@tally/db';
import type { ReportNarrative } from '@tally/db/reports';
import { registerDefs, isRegisterKey } from '@tally/db/registers';
import { actorDisplayName } from '../assessment-inputs/actor-name.ts';
import { UserFacingError } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { currentFigures } from './current-figures.ts';
import { cleanNarrative } from './narrative.ts';
import { recordsHeld } from './report-figures.ts';
import { lockReport, ownReport, type ReportRow } from './report-access.ts';

export interface Filed {
  report: ReportRow;
  versionNo: number;
  /** false when this request found the version an earlier identical request filed. */
  created: boolean;
}

/**
 * File the actor's own report (or file it again after a return). `expectedVersion` is the draft
 * version the form showed and doubles as the idempotency key: a retried or double-clicked
 * request for the same draft version finds the version the first one filed, and files nothing.
 * The figures are read from the ledgers at this instant and frozen in the version.
 */
export async function submitReport(
  tx: Transaction,
  ctx: AuthedContext,
  input: { id: string; expectedVersion: number; zero: boolean; narrative?: Partial<ReportNarrative> | undefined },
): Promise<Filed> {
  // A form files what it shows: the narrative it posts replaces the draft's in the same step.
  const posted = input.narrative ? cleanNarrative(input.narrative) : null;
  const seen = await ownReport(tx, ctx.actor, input.id);
  const row = await lockReport(tx, ctx.actor, seen.id);
  const already = await versionFiledFrom(tx, seen, input.expectedVersion);
  if (already !== null) return { report: await ownReport(tx, ctx.actor, seen.id), versionNo: already, created: false };
  if (!row) throw new UserFacingError('BAD_REQUEST', 'reports.error.notEditable');
  if (row.version !== input.expectedVersion)
    throw new UserFacingError('CONFLICT', 'reports.error.stale', { current: row.version });
  if (!isPeriodicKind(row.kind)) throw new Error(`stored report kind ${row.kind}`);
  const period = periodOf(row.kind, row.periodKey);
  if (!period) throw new Error(`stored period ${row.periodKey}`);
  const figures = await currentFigures(tx, ctx.actor, period, ctx.now);
  if (input.zero) {
    const held = recordsHeld(figures);
    if (held.length > 0) {
      const list = held
        .map(
          (h) =>
            `${isRegisterKey(h.source) ? `${registerDefs[h.source].label}/${registerDefs[h.source].labelEn}` : '信访件/Petition cases'} ${h.count}`,
        )
        .join('、');
      throw new UserFacingError('BAD_REQUEST', 'reports.error.zeroWithRecords', { records: list });
    }
  }
  const narrative = posted ?? row.narrative;
  if (!input.zero && narrative.work === '') {
    throw new UserFacingError('BAD_REQUEST', 'reports.error.workRequired', { field: 'reports.narrative.work' });
  }
  const versionNo = row.filedVersionNo + 1;
  const v = schema.reportVersions;
  await tx.insert(v).values({
    countyId: row.countyId,
    reportId: row.id,
    unitCode: row.unitCode,
    parentCode: row.parentCode,
    versionNo,
    draftVersion: row.version,
    zero: input.zero,
    figures: { ...figures },
    narrative,
    submittedAt: ctx.now,
    submittedBy: ctx.actor.userId,
    submittedByName: await actorDisplayName(tx, ctx.actor),
  });
  const r = schema.reports;
  const [report] = await tx
    .update(r)
    .set({
      state: 'submitted',
      zero: input.zero,
      narrative,
      figures: { ...figures },
      filedVersionNo: versionNo,
      submittedAt: ctx.now,
      version: sql`${r.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(r.countyId, row.countyId), eq(r.id, row.id)))
    .returning();
  await auditChange(tx, ctx, {
    action: input.zero ? 'reports.submitZero' : 'reports.submit',
    objectType: 'report',
    objectId: row.unitCode,
    detail: {
      reportId: row.id,
      kind: row.kind,
      period: row.periodKey,
      versionNo,
      zero: input.zero,
      filedOn: shanghaiDate(ctx.now),
    },
  });
  return { report: report!, versionNo, created: true };
}

/** The number of the version filed from this draft version, if one was. */
async function versionFiledFrom(tx: Transaction, report: ReportRow, draftVersion: number): Promise<number | null> {
  const v = schema.reportVersions;
  const [row] = await tx
    .select({ versionNo: v.versionNo })
    .from(v)
    .where(and(eq(v.countyId, report.countyId), eq(v.reportId, report.id), eq(v.draftVersion, draftVersion)))
    .orderBy(desc(v.versionNo))
    .limit(1);
  return row?.versionNo ?? null;
}

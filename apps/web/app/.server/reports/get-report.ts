import { and, asc, eq } from 'drizzle-orm';
import { isPeriodicKind, periodOf } from '@tally/reporting';
import { schema, type Transaction } from '@tally/db';
import type { AuthedContext } from '../trpc.ts';
import { figuresDiff, type FigureChange } from './figures-diff.ts';
import { visibleReport } from './report-access.ts';
import { ledgerFigures, readFigures } from './report-figures.ts';

/**
 * A report with every filed version, newest last, and the figures of the unit's own ledgers
 * that changed since the standing version was filed (a correction entered after filing shows).
 */
export async function getReport(tx: Transaction, ctx: AuthedContext, id: string) {
  const report = await visibleReport(tx, ctx.actor, id);
  const v = schema.reportVersions;
  const versions = await tx
    .select()
    .from(v)
    .where(and(eq(v.countyId, report.countyId), eq(v.reportId, report.id)))
    .orderBy(asc(v.versionNo));
  const u = schema.units;
  const [unit] = await tx
    .select({ name: u.name })
    .from(u)
    .where(and(eq(u.countyId, report.countyId), eq(u.code, report.unitCode)));
  // The unit it is filed to; a village cannot read its township's row, so it may be unknown here.
  const [parent] = await tx
    .select({ name: u.name })
    .from(u)
    .where(and(eq(u.countyId, report.countyId), eq(u.code, report.parentCode)));
  const standing = versions.find((version) => version.versionNo === report.filedVersionNo) ?? null;
  let changedSinceFiled: FigureChange[] = [];
  const period = isPeriodicKind(report.kind) ? periodOf(report.kind, report.periodKey) : null;
  const filed = standing ? readFigures(standing.figures) : null;
  if (period && filed)
    changedSinceFiled = figuresDiff(filed, await ledgerFigures(tx, report.countyId, report.unitCode, period, ctx.now));
  return {
    report: { ...report, unitName: unit?.name ?? report.unitCode, parentName: parent?.name ?? null },
    period,
    versions,
    changedSinceFiled,
    mayEdit: report.unitCode === ctx.actor.unitCode && (report.state === 'draft' || report.state === 'returned'),
    mayReview: report.parentCode === ctx.actor.unitCode && report.state === 'submitted',
  };
}

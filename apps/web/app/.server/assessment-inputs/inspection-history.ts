import { and, desc, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import type { InspectionComponent } from '@tally/db/assessment';
import { UserFacingError } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';
import { checks, unitInScope } from './checking-unit.ts';
import { isPeriodOf } from './inspection-periods.ts';

const s = schema.inspectionScores;

/**
 * Every version of one cell, newest first, with who entered it, when and why. Readable by
 * anyone whose scope holds the unit, the scored unit itself included (read-only for it).
 */
export async function inspectionHistory(
  tx: Transaction,
  ctx: AuthedContext,
  cell: { unitCode: string; year: number; component: InspectionComponent; periodNo: number },
) {
  if (!isPeriodOf(cell.component, cell.periodNo)) throw new UserFacingError('BAD_REQUEST', 'checks.error.period');
  const unit = await unitInScope(tx, ctx.actor, cell.unitCode);
  const versions = await tx
    .select({
      version: s.version,
      score: s.score,
      reason: s.reason,
      enteredByUnit: s.enteredByUnit,
      createdByName: s.createdByName,
      createdAt: s.createdAt,
    })
    .from(s)
    .where(
      and(
        eq(s.countyId, ctx.actor.countyId),
        eq(s.unitCode, unit.code),
        eq(s.year, cell.year),
        eq(s.component, cell.component),
        eq(s.periodNo, cell.periodNo),
      ),
    )
    .orderBy(desc(s.version));
  return {
    unit: { code: unit.code, name: unit.name },
    year: cell.year,
    component: cell.component,
    periodNo: cell.periodNo,
    current: versions[0] ?? null,
    versions,
    canEnter: checks(ctx.actor, unit),
  };
}

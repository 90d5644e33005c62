import { shanghaiDate } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import type { InspectionComponent } from '@tally/db/assessment';
import { isUniqueViolation } from '../db-errors.ts';
import { UserFacingError } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { actorDisplayName } from './actor-name.ts';
import { unitCheckedBy } from './checking-unit.ts';
import { scoreInForce } from './current-scores.ts';
import { isPeriodOf, periodProblem } from './inspection-periods.ts';
import { parseInspectionScore, sameScore } from './inspection-score.ts';

export interface InspectionEntry {
  unitCode: string;
  year: number;
  component: InspectionComponent;
  periodNo: number;
  score: string | number;
  reason?: string | null | undefined;
  /** The version the clerk's form showed (0 when the cell was empty): a stale form is refused, never silently overwritten. */
  expectedVersion: number;
}

/** The (unit, year, component, period) a score belongs to, as the audit log names it. */
export const inspectionCellId = (cell: { unitCode: string; year: number; component: string; periodNo: number }) =>
  `${cell.unitCode}:${cell.year}:${cell.component}:${cell.periodNo}`;

/**
 * Enter a score, or correct one: always a new row, the next version. A correction needs a
 * reason and must change the score. Audited in the same transaction.
 */
export async function enterInspection(tx: Transaction, ctx: AuthedContext, entry: InspectionEntry) {
  if (!isPeriodOf(entry.component, entry.periodNo)) throw new UserFacingError('BAD_REQUEST', 'checks.error.period');
  const score = parseInspectionScore(entry.score);
  if (score === null) throw new UserFacingError('BAD_REQUEST', 'checks.error.score');
  const problem = periodProblem(entry.year, entry.component, entry.periodNo, shanghaiDate(ctx.now));
  if (problem === 'year') throw new UserFacingError('BAD_REQUEST', 'checks.error.yearNotStarted', { year: entry.year });
  if (problem === 'month')
    throw new UserFacingError('BAD_REQUEST', 'checks.error.monthNotStarted', {
      year: entry.year,
      month: entry.periodNo,
    });

  const unit = await unitCheckedBy(tx, ctx.actor, entry.unitCode);
  const cell = { unitCode: unit.code, year: entry.year, component: entry.component, periodNo: entry.periodNo };
  const current = await scoreInForce(tx, ctx.actor.countyId, cell);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== entry.expectedVersion)
    throw new UserFacingError('CONFLICT', 'checks.error.stale', { current: currentVersion });
  const reason = entry.reason?.trim() || null;
  if (current && !reason) throw new UserFacingError('BAD_REQUEST', 'checks.error.reasonRequired');
  if (current && sameScore(current.score, score)) throw new UserFacingError('BAD_REQUEST', 'checks.error.unchanged');

  const version = currentVersion + 1;
  try {
    await tx.insert(schema.inspectionScores).values({
      countyId: ctx.actor.countyId,
      ...cell,
      score,
      version,
      reason,
      enteredByUnit: ctx.actor.unitCode,
      createdBy: ctx.actor.userId,
      createdByName: await actorDisplayName(tx, ctx.actor),
      createdAt: ctx.now,
    });
  } catch (error) {
    // Another clerk entered the same version between our read and our insert.
    if (isUniqueViolation(error)) throw new UserFacingError('CONFLICT', 'checks.error.stale', { current: version });
    throw error;
  }
  await auditChange(tx, ctx, {
    action: 'checks.enterInspection',
    objectType: 'inspection_score',
    objectId: inspectionCellId(cell),
    detail: { score, version, previousScore: current?.score ?? null, reason },
  });
  return { ...cell, unitName: unit.name, score, version };
}

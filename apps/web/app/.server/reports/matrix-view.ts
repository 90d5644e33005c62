import { and, eq } from 'drizzle-orm';
import { unitLevelOf } from '@tally/casework';
import type { PeriodicKind, ReportingRates } from '@tally/reporting';
import { schema, type Transaction } from '@tally/db';
import type { AuthedContext } from '../trpc.ts';
import { cellsOf, matrixForUnits, unitsBelow, type MatrixUnit } from './report-matrix.ts';

/**
 * The submission matrix as the screens show it: the units below the actor (the county: townships
 * and villages, or one level of them; a township: its villages), every period of the year, the
 * state of each cell and the rates per unit and level. The actor's own row comes separately, for
 * a unit that files itself.
 */
export async function matrixView(
  tx: Transaction,
  ctx: AuthedContext,
  input: { kind: PeriodicKind; year: number; level?: 'township' | 'village' | undefined },
) {
  const below = await unitsBelow(tx, ctx.actor, input.level);
  const matrix = await matrixForUnits(tx, ctx.actor.countyId, below, input.kind, input.year, ctx.now);
  const ownLevel = unitLevelOf(ctx.actor.unitCode);
  let own = null;
  if (ownLevel === 'village' || ownLevel === 'township') {
    const u = schema.units;
    const [unit] = await tx
      .select({ name: u.name, active: u.active })
      .from(u)
      .where(and(eq(u.countyId, ctx.actor.countyId), eq(u.code, ctx.actor.unitCode)));
    const self: MatrixUnit = {
      code: ctx.actor.unitCode,
      name: unit?.name ?? ctx.actor.unitCode,
      level: ownLevel,
      active: unit?.active ?? true,
    };
    const mine = await matrixForUnits(tx, ctx.actor.countyId, [self], input.kind, input.year, ctx.now);
    own = { unit: self, cells: cellsOf(mine), rates: mine.byUnit.get(self.code) ?? null };
  }
  const cells = cellsOf(matrix);
  const rows = matrix.units
    .map((unit) => ({
      unit,
      cells: cells.filter((cell) => cell.unitCode === unit.code),
      rates: matrix.byUnit.get(unit.code) ?? null,
    }))
    .filter((row) => row.cells.length > 0);
  const byLevel: { level: 'township' | 'village'; rates: ReportingRates }[] = [];
  for (const [level, rates] of matrix.byLevel) byLevel.push({ level, rates });
  return { kind: input.kind, year: input.year, today: ctx.now, periods: matrix.periods, rows, own, byLevel };
}

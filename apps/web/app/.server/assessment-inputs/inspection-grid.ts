import { and, asc, eq } from 'drizzle-orm';
import { shanghaiDate, unitLevelOf } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import type { InspectionComponent } from '@tally/db/assessment';
import type { AuthedContext } from '../trpc.ts';
import { checks, unitInScope } from './checking-unit.ts';
import { scoresInForce, type ScoreInForce } from './current-scores.ts';
import { periodProblem, periodsOf } from './inspection-periods.ts';

export interface GridCell {
  periodNo: number;
  /** The score in force as stored ("87.50"), or null when none was entered. */
  score: string | null;
  /** Its version, which is also how many entries the cell has had; 0 when empty. */
  version: number;
  /** Whether the period has begun, so a score may be entered for it. */
  open: boolean;
}

function cellsOf(
  unitCode: string,
  periods: readonly { periodNo: number; open: boolean }[],
  scores: readonly ScoreInForce[],
): GridCell[] {
  return periods.map(({ periodNo, open }) => {
    const found = scores.find((row) => row.unitCode === unitCode && row.periodNo === periodNo);
    return { periodNo, score: found?.score ?? null, version: found?.version ?? 0, open };
  });
}

/**
 * One year and component as a grid: every unit directly below `parentCode` (the actor's own
 * unit by default; the county may open a township to read its villages' scores) × the periods,
 * with the score in force per cell. On its own page (no parentCode) a township or a village
 * also gets its own unit's row: the scores the unit above gave it, read-only.
 */
export async function inspectionGrid(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; component: InspectionComponent; parentCode?: string | undefined },
) {
  const parent = await unitInScope(tx, ctx.actor, input.parentCode ?? ctx.actor.unitCode);
  const children = await tx
    .select({
      code: schema.units.code,
      name: schema.units.name,
      level: schema.units.level,
      active: schema.units.active,
      parentCode: schema.units.parentCode,
    })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.parentCode, parent.code)))
    .orderBy(asc(schema.units.code));
  const ownPage = parent.code === ctx.actor.unitCode;
  const showOwn = ownPage && unitLevelOf(ctx.actor.unitCode) !== 'county';
  const codes = children.map((unit) => unit.code);
  const today = shanghaiDate(ctx.now);
  const periods = periodsOf(input.component).map((periodNo) => ({
    periodNo,
    open: periodProblem(input.year, input.component, periodNo, today) === null,
  }));
  const scores = await scoresInForce(
    tx,
    ctx.actor.countyId,
    showOwn ? [...codes, parent.code] : codes,
    input.year,
    input.component,
  );
  return {
    year: input.year,
    component: input.component,
    periods: periods.map((period) => period.periodNo),
    parent: { code: parent.code, name: parent.name, level: parent.level },
    /** Whether the actor enters these units' scores (it is their checking unit). */
    editable: checks(ctx.actor, { parentCode: parent.code }),
    rows: children.map((unit) => ({
      unitCode: unit.code,
      name: unit.name,
      level: unit.level,
      active: unit.active,
      cells: cellsOf(unit.code, periods, scores),
    })),
    own: showOwn ? { unitCode: parent.code, name: parent.name, cells: cellsOf(parent.code, periods, scores) } : null,
  };
}

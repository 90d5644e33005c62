import { and, desc, eq, inArray } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import type { InspectionComponent } from '@tally/db/assessment';

const s = schema.inspectionScores;

export interface ScoreInForce {
  unitCode: string;
  periodNo: number;
  score: string;
  version: number;
}

/**
 * The score in force of each (unit, period) of one year and component: the highest version
 * (rows are insert-only; a correction is the next version).
 */
export async function scoresInForce(
  tx: Transaction,
  countyId: number,
  unitCodes: readonly string[],
  year: number,
  component: InspectionComponent,
): Promise<ScoreInForce[]> {
  if (unitCodes.length === 0) return [];
  return tx
    .selectDistinctOn([s.unitCode, s.periodNo], {
      unitCode: s.unitCode,
      periodNo: s.periodNo,
      score: s.score,
      version: s.version,
    })
    .from(s)
    .where(
      and(eq(s.countyId, countyId), eq(s.year, year), eq(s.component, component), inArray(s.unitCode, [...unitCodes])),
    )
    .orderBy(s.unitCode, s.periodNo, desc(s.version));
}

/** The score in force of one cell, or null when none was entered. */
export async function scoreInForce(
  tx: Transaction,
  countyId: number,
  cell: { unitCode: string; year: number; component: InspectionComponent; periodNo: number },
): Promise<ScoreInForce | null> {
  const [row] = await tx
    .select({ unitCode: s.unitCode, periodNo: s.periodNo, score: s.score, version: s.version })
    .from(s)
    .where(
      and(
        eq(s.countyId, countyId),
        eq(s.unitCode, cell.unitCode),
        eq(s.year, cell.year),
        eq(s.component, cell.component),
        eq(s.periodNo, cell.periodNo),
      ),
    )
    .orderBy(desc(s.version))
    .limit(1);
  return row ?? null;
}

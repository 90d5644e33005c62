import { and, asc, eq } from 'drizzle-orm';
import { PERIODIC_KINDS, reportingRates, type MatrixCell } from '@tally/reporting';
import type { Period } from '@tally/scoring';
import { schema, type Transaction } from '@tally/db';
import { matricesForUnits, matrixInputs, type MatrixUnit } from '../reports/report-matrix.ts';
import { inScope } from '../services/unit-scope.ts';

/**
 * The reporting rate (报告率, actual ÷ expected, docs/reports.md) of every unit that files reports
 * within a scope — the unit itself when it files, and the units below it — counted from 1 January
 * to each period end: the cells of the periods ending by then, in the states the submission
 * matrix gives them today. A lapse belongs to the period it covers, as in the assessment, so
 * March's point moves when March's report is filed late in April. A point with nothing expected
 * yet is a gap (null).
 *
 * Read under the reader's RLS, which is why only the unit itself or a unit above asks (the
 * indicator trend's unit lies in the reader's scope): a report the reader could not see would
 * count as not filed. Bounded: one read of the reports for the year, however many kinds and periods.
 */
export async function reportingTrend(
  tx: Transaction,
  countyId: number,
  scope: string,
  year: number,
  periods: readonly Period[],
  now: Date,
): Promise<(number | null)[]> {
  const u = schema.units;
  const rows = await tx
    .select({ code: u.code, name: u.name, level: u.level, active: u.active })
    .from(u)
    .where(and(eq(u.countyId, countyId), inScope(u.code, scope)))
    .orderBy(asc(u.code));
  const units: MatrixUnit[] = rows.flatMap((row) =>
    row.level === 'township' || row.level === 'village'
      ? [{ code: row.code, name: row.name, level: row.level, active: row.active }]
      : [],
  );
  if (units.length === 0) return periods.map(() => null);
  const inputs = await matrixInputs(tx, countyId, year);
  const kinds = PERIODIC_KINDS.filter((kind) => inputs.obligations.some((o) => o.kind === kind));
  const cells: MatrixCell[] = (await matricesForUnits(tx, countyId, units, kinds, year, now, inputs)).flatMap(
    (matrix) => matrix.cells,
  );
  return periods.map(
    (period) =>
      reportingRates(
        cells.filter((cell) => cell.periodEnd <= period.end),
        now,
      ).reportingRate.percent,
  );
}

import { PERIODIC_KINDS } from '@tally/reporting';
import type { Transaction } from '@tally/db';
import type { ReportCell } from '../assessment/missing-report-facts.ts';
import { countyObligations } from './obligations.ts';
import { matrixForUnits, type MatrixUnit } from './report-matrix.ts';

/**
 * The submission-matrix cells of the given units for every kind the county's obligations name,
 * for the periods that end inside the assessment window [from, to], as of `now`. Read in the
 * caller's transaction, so under the actor's RLS: a report the actor cannot see counts as not
 * filed, which is why only a unit above the ranked units asks.
 */
export async function reportCellsFor(
  tx: Transaction,
  countyId: number,
  units: readonly { code: string; level: string }[],
  year: number,
  window: { from: string; to: string },
  now: Date,
): Promise<ReportCell[]> {
  const reporting: MatrixUnit[] = units.flatMap((unit) =>
    unit.level === 'township' || unit.level === 'village'
      ? [{ code: unit.code, name: unit.code, level: unit.level, active: true }]
      : [],
  );
  if (reporting.length === 0) return [];
  const obligations = await countyObligations(tx, countyId, year);
  const cells: ReportCell[] = [];
  for (const kind of PERIODIC_KINDS) {
    if (!obligations.some((o) => o.kind === kind)) continue;
    const matrix = await matrixForUnits(tx, countyId, reporting, kind, year, now);
    for (const cell of matrix.cells) {
      if (cell.periodEnd < window.from || cell.periodEnd > window.to) continue;
      cells.push({
        id: cell.id,
        unitCode: cell.unitCode,
        reportKind: cell.reportKind,
        state: cell.state,
        dueOn: cell.dueOn,
        periodEnd: cell.periodEnd,
      });
    }
  }
  return cells;
}

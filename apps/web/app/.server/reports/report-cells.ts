import { PERIODIC_KINDS } from '@tally/reporting';
import type { WorkCalendar } from '@tally/casework';
import type { Transaction } from '@tally/db';
import type { ReportCell } from '../assessment/missing-report-facts.ts';
import { countyObligations } from './obligations.ts';
import { matricesForUnits, type MatrixUnit } from './report-matrix.ts';

/**
 * The submission-matrix cells of the given units for every kind the county's obligations name,
 * for the periods that end inside the assessment window [from, to], as of `now`: one read of the
 * obligations and one of the reports, whatever the number of kinds. Read in the
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
  calendar: WorkCalendar,
): Promise<ReportCell[]> {
  const reporting: MatrixUnit[] = units.flatMap((unit) =>
    unit.level === 'township' || unit.level === 'village'
      ? [{ code: unit.code, name: unit.code, level: unit.level, active: true }]
      : [],
  );
  if (reporting.length === 0) return [];
  const inputs = { obligations: await countyObligations(tx, countyId, year), calendar };
  const kinds = PERIODIC_KINDS.filter((kind) => inputs.obligations.some((o) => o.kind === kind));
  const cells: ReportCell[] = [];
  for (const matrix of await matricesForUnits(tx, countyId, reporting, kinds, year, now, inputs)) {
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

import { DEFAULT_KINDS } from '@tally/scoring';
import { factId } from './fact-links.ts';
import type { FactRow } from './fact-row.ts';

/** One cell of the reports-upward submission matrix, as that matrix will hand it over. */
export interface ReportCell {
  /** Stable id of the cell: unit, report kind and period. */
  id: string;
  unitCode: string;
  reportKind: string;
  state: 'not_due' | 'pending' | 'on_time' | 'late' | 'missing' | 'returned' | 'zero';
  /** The day the report was due (its deadline with grace), Asia/Shanghai. */
  dueOn: string;
  /** The last day of the period the report covers. */
  periodEnd: string;
}

/**
 * 漏报、迟报各类报表，按类别每次扣0.5分: every late or missing cell is one missing-report
 * event of its unit, dated on the last day of the period it covers (December's report is due in
January, but its lapse belongs to December's year) and linked back to its cell. The caller passes the
 * matrix cells of the ranked units (reports/report-cells.ts).
 */
export function missingReportFacts(cells: readonly ReportCell[]): FactRow[] {
  return cells
    .filter((cell) => cell.state === 'late' || cell.state === 'missing')
    .map((cell) => ({
      family: 'event',
      id: factId('report_cells', cell.id),
      kind: DEFAULT_KINDS.events.missingReport,
      unitCode: cell.unitCode,
      attribution: 'own',
      date: cell.periodEnd,
    }));
}

import { PERIODIC_KINDS, type CellState, type PeriodicKind } from '@tally/reporting';
import type { CivilDate } from '@tally/casework';
import type { createCaller } from '../routers/root.ts';

type Caller = ReturnType<typeof createCaller>;

/** One kind's latest lapsed period: its missing and late cells, and where the matrix shows them. */
export interface LapsedPeriod {
  kind: PeriodicKind;
  periodKey: string;
  missing: number;
  late: number;
  href: string;
}

/**
 * The period of one kind that "this period" means on the overview: the latest one whose deadline
 * has passed for some unit (before that nothing can be missing, only pending), with its missing and
 * late cells counted. Null when no deadline of the year has passed yet.
 */
export function latestLapsedPeriod(
  cells: readonly { periodKey: string; dueOn: CivilDate; state: CellState }[],
  today: CivilDate,
): { periodKey: string; missing: number; late: number } | null {
  let latest: string | null = null;
  for (const cell of cells)
    if (cell.dueOn < today && (latest === null || cell.periodKey > latest)) latest = cell.periodKey;
  if (latest === null) return null;
  const own = cells.filter((cell) => cell.periodKey === latest);
  return {
    periodKey: latest,
    missing: own.filter((cell) => cell.state === 'missing').length,
    late: own.filter((cell) => cell.state === 'late').length,
  };
}

/** The matrix of a kind and year, scrolled to the period's column. */
export function matrixPeriodHref(kind: PeriodicKind, periodKey: string): string {
  return `/reports/matrix?${new URLSearchParams({ kind, year: periodKey.slice(0, 4) })}#period-${periodKey}`;
}

/**
 * Missing or late reports upward this period, for the county overview tile: for every kind the
 * county's obligations name, the latest period whose deadline has passed, counted on the very
 * matrix `/reports/matrix` shows (the `reports.matrix` procedure, under the reader's RLS), so the
 * tile and the matrix cannot disagree. In early January the latest lapsed period is last year's.
 * Bounded: at most two years of matrices per kind, one county.
 */
export async function missingReportsThisPeriod(caller: Caller, today: CivilDate): Promise<LapsedPeriod[]> {
  const year = Number(today.slice(0, 4));
  const lapsed = await Promise.all(
    PERIODIC_KINDS.map(async (kind) => {
      for (const y of [year, year - 1]) {
        const matrix = await caller.reports.matrix({ kind, year: y });
        const cells = matrix.rows.flatMap((row) => row.cells);
        // No unit owes this kind at all: nothing to count, in either year.
        if (cells.length === 0) return null;
        const found = latestLapsedPeriod(cells, today);
        if (found) return { kind, ...found, href: matrixPeriodHref(kind, found.periodKey) };
      }
      return null;
    }),
  );
  return lapsed.filter((line): line is LapsedPeriod => line !== null);
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  reportMatrix,
  type MatrixCell,
  type PeriodicKind,
  type ReportMatrix,
  type ReportObligation,
  type Submission,
} from '@tally/reporting';
import type { WorkCalendar } from '@tally/casework';
import { schema, type Actor, type Transaction } from '@tally/db';
import { inActorScope } from '../services/unit-scope.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import { countyObligations } from './obligations.ts';

export interface MatrixUnit {
  code: string;
  name: string;
  level: 'township' | 'village';
  active: boolean;
}

export interface LoadedMatrix extends ReportMatrix {
  units: MatrixUnit[];
  /** Report behind each cell that has one (filed, returned, or the unit's own draft): its id and stored state. */
  reportIds: Map<string, { id: string; state: 'draft' | 'submitted' | 'accepted' | 'returned' }>;
}

/** What a matrix is computed from besides the reports: read once when several matrices are drawn together. */
export interface MatrixInputs {
  obligations: ReportObligation[];
  calendar: WorkCalendar;
}

/** The county's obligations and calendar for a year (one round of reads, for one or several matrices). */
export async function matrixInputs(tx: Transaction, countyId: number, year: number): Promise<MatrixInputs> {
  const [obligations, calendar] = await Promise.all([
    countyObligations(tx, countyId, year),
    countyCalendar(tx, countyId),
  ]);
  return { obligations, calendar };
}

/**
 * The submission matrix of one kind and year for the given units (read under the actor's RLS:
 * a unit the actor cannot see simply has no row, and a report it cannot see counts as nothing
 * filed, which is why only the unit itself or a unit above should ask).
 */
export async function matrixForUnits(
  tx: Transaction,
  countyId: number,
  units: readonly MatrixUnit[],
  kind: PeriodicKind,
  year: number,
  now: Date,
): Promise<LoadedMatrix> {
  const [matrix] = await matricesForUnits(tx, countyId, units, [kind], year, now);
  return matrix!;
}

/**
 * The matrices of several kinds of one year for the same units, in one read of the reports
 * (and of the obligations and calendar, unless the caller has them): what the assessment and the
 * reporting trend need, without one round of queries per kind.
 */
export async function matricesForUnits(
  tx: Transaction,
  countyId: number,
  units: readonly MatrixUnit[],
  kinds: readonly PeriodicKind[],
  year: number,
  now: Date,
  inputs?: MatrixInputs,
): Promise<LoadedMatrix[]> {
  const r = schema.reports;
  const codes = units.map((u) => u.code);
  const [rows, { obligations, calendar }] = await Promise.all([
    codes.length === 0 || kinds.length === 0
      ? []
      : tx
          .select({
            id: r.id,
            unitCode: r.unitCode,
            kind: r.kind,
            periodKey: r.periodKey,
            state: r.state,
            submittedAt: r.submittedAt,
            zero: r.zero,
            everReturned: r.everReturned,
          })
          .from(r)
          .where(
            and(
              eq(r.countyId, countyId),
              inArray(r.kind, [...kinds]),
              sql`starts_with(${r.periodKey}, ${`${year}-`})`,
              inArray(r.unitCode, codes),
            ),
          ),
    inputs ?? matrixInputs(tx, countyId, year),
  ]);
  return kinds.map((kind) => {
    const own = rows.filter((row) => row.kind === kind);
    const submissions: Submission[] = own.map((row) => ({
      unitCode: row.unitCode,
      kind: row.kind,
      periodKey: row.periodKey,
      state: row.state,
      submittedAt: row.submittedAt,
      zero: row.zero,
      returned: row.everReturned,
    }));
    const matrix = reportMatrix({ obligations, units, submissions, kind, year, calendar, now });
    const reportIds = new Map(
      own.map((row) => [`${row.unitCode}:${row.kind}:${row.periodKey}`, { id: row.id, state: row.state }]),
    );
    return { ...matrix, units: [...units], reportIds };
  });
}

/** The units below the actor that report to it or further up: the county sees townships and villages, a township its villages. */
export async function unitsBelow(tx: Transaction, actor: Actor, level?: 'township' | 'village'): Promise<MatrixUnit[]> {
  const u = schema.units;
  const rows = await tx
    .select({ code: u.code, name: u.name, level: u.level, active: u.active })
    .from(u)
    .where(and(eq(u.countyId, actor.countyId), inActorScope(u.code, actor)))
    .orderBy(u.code);
  return rows.flatMap((row) => {
    if (row.code === actor.unitCode) return [];
    if (row.level !== 'township' && row.level !== 'village') return [];
    if (level && row.level !== level) return [];
    return [{ code: row.code, name: row.name, level: row.level, active: row.active }];
  });
}

/** A matrix cell as the screens and the export show it. */
export function cellsOf(
  matrix: LoadedMatrix,
): (MatrixCell & { reportId: string | null; reportState: string | null })[] {
  return matrix.cells.map((cell) => {
    const report = matrix.reportIds.get(cell.id);
    return { ...cell, reportId: report?.id ?? null, reportState: report?.state ?? null };
  });
}

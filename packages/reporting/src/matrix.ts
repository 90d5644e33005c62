/**
 * The submission matrix: for every active unit that owes a kind of report, every period of a
 * year, its state; and the reporting rates in the usual terms (expected, actual, on time).
 */
import { unitLevelOf, type CivilDate, type WorkCalendar } from '@tally/casework';
import { cellState, type CellState, type Submission } from './cell-state.ts';
import { deadlineOf, type ReportObligation, type ReportingLevel } from './obligations.ts';
import { periodsOfYear, type PeriodicKind } from './periods.ts';
import { reportingRates, type ReportingRates } from './rates.ts';

export interface ReportingUnit {
  code: string;
  active: boolean;
}

export interface MatrixCell {
  /** unit:kind:period, e.g. '130534101201:monthly:2026-02'. */
  id: string;
  unitCode: string;
  level: ReportingLevel;
  reportKind: PeriodicKind;
  periodKey: string;
  periodEnd: CivilDate;
  /** The deadline with grace, moved off days off: the day the report was due. */
  dueOn: CivilDate;
  state: CellState;
}

export interface MatrixInput {
  obligations: readonly ReportObligation[];
  units: readonly ReportingUnit[];
  submissions: readonly Submission[];
  kind: PeriodicKind;
  year: number;
  calendar: WorkCalendar;
  now: Date;
}

export interface ReportMatrix {
  periods: { key: string; start: CivilDate; end: CivilDate }[];
  cells: MatrixCell[];
  byUnit: Map<string, ReportingRates>;
  byLevel: Map<ReportingLevel, ReportingRates>;
}

export function cellId(unitCode: string, kind: string, periodKey: string): string {
  return `${unitCode}:${kind}:${periodKey}`;
}

export function reportMatrix(input: MatrixInput): ReportMatrix {
  const periods = periodsOfYear(input.kind, input.year);
  const filed = new Map<string, Submission>();
  for (const s of input.submissions) if (s.kind === input.kind) filed.set(cellId(s.unitCode, s.kind, s.periodKey), s);
  const cells: MatrixCell[] = [];
  const units = [...input.units].sort((a, b) => a.code.localeCompare(b.code));
  for (const unit of units) {
    const level = unitLevelOf(unit.code);
    if (level !== 'village' && level !== 'township') continue;
    const obligation = input.obligations.find((o) => o.level === level && o.kind === input.kind);
    if (!obligation) continue;
    for (const period of periods) {
      const id = cellId(unit.code, input.kind, period.key);
      const submission = filed.get(id) ?? null;
      // An inactive unit owes nothing, but what it did file still shows.
      if (!unit.active && !submission) continue;
      const dueOn = deadlineOf(period, obligation.graceDays, input.calendar);
      cells.push({
        id,
        unitCode: unit.code,
        level,
        reportKind: input.kind,
        periodKey: period.key,
        periodEnd: period.end,
        dueOn,
        state: cellState({ periodEnd: period.end, deadline: dueOn, submission, now: input.now }),
      });
    }
  }
  const byUnit = new Map<string, ReportingRates>();
  for (const unit of units) {
    const own = cells.filter((c) => c.unitCode === unit.code);
    if (own.length > 0) byUnit.set(unit.code, reportingRates(own, input.now));
  }
  const byLevel = new Map<ReportingLevel, ReportingRates>();
  for (const level of ['village', 'township'] as const) {
    const own = cells.filter((c) => c.level === level);
    if (own.length > 0) byLevel.set(level, reportingRates(own, input.now));
  }
  return { periods: periods.map(({ key, start, end }) => ({ key, start, end })), cells, byUnit, byLevel };
}

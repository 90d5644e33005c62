/** @tally/reporting — reports upward (docs/domain.md §5): obligations, deadlines, cell states, rates. No I/O, no clock. */
export type { PeriodicKind, ReportKind, ReportPeriod } from './periods.ts';
export {
  PERIODIC_KINDS,
  REPORT_KINDS,
  REPORT_KIND_LABELS,
  isPeriodicKind,
  isReportKind,
  periodContaining,
  periodOf,
  periodsOfYear,
} from './periods.ts';
export type { ReportObligation, ReportingLevel } from './obligations.ts';
export { DEFAULT_GRACE_DAYS, REPORTING_LEVELS, deadlineOf, defaultObligations } from './obligations.ts';
export type { CellInput, CellState, Submission } from './cell-state.ts';
export { CELL_STATES, CELL_STATE_LABELS, cellState } from './cell-state.ts';
export type { ReportingRates } from './rates.ts';
export { reportingRates } from './rates.ts';
export type { MatrixCell, MatrixInput, ReportMatrix, ReportingUnit } from './matrix.ts';
export { cellId, reportMatrix } from './matrix.ts';
export type { ImmediateEventKind, ImmediateTimeliness } from './immediate.ts';
export {
  IMMEDIATE_EVENT_KINDS,
  IMMEDIATE_EVENT_LABELS,
  IMMEDIATE_LIMIT_MINUTES,
  immediateTimeliness,
  isImmediateEventKind,
} from './immediate.ts';

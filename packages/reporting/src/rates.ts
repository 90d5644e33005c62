/**
 * Reporting rates in the usual terms: expected reports, actual, on time; reporting rate =
 * actual ÷ expected, on-time rate = on time ÷ expected, as exact whole percents.
 */
import { rate, shanghaiDate, type CivilDate, type Rate } from '@tally/casework';
import type { CellState } from './cell-state.ts';

export interface ReportingRates {
  expected: number;
  actual: number;
  onTime: number;
  late: number;
  missing: number;
  returned: number;
  zero: number;
  reportingRate: Rate;
  onTimeRate: Rate;
}

/**
 * A cell is expected once its deadline has passed, or earlier when a report already stands
 * in it (a report filed before the deadline counts at once). A running period nobody filed yet
 * is not expected. A returned report counts as expected only after its deadline and never as
 * actual until it is filed again.
 */
export function reportingRates(cells: readonly { state: CellState; dueOn: CivilDate }[], now: Date): ReportingRates {
  const today = shanghaiDate(now);
  let expected = 0;
  const count: Record<CellState, number> = {
    not_due: 0,
    pending: 0,
    on_time: 0,
    late: 0,
    missing: 0,
    returned: 0,
    zero: 0,
  };
  for (const cell of cells) {
    count[cell.state] += 1;
    const filed = cell.state === 'on_time' || cell.state === 'late' || cell.state === 'zero';
    if (filed || today > cell.dueOn) expected += 1;
  }
  const actual = count.on_time + count.late + count.zero;
  const onTime = count.on_time + count.zero;
  return {
    expected,
    actual,
    onTime,
    late: count.late,
    missing: count.missing,
    returned: count.returned,
    zero: count.zero,
    reportingRate: rate(actual, expected),
    onTimeRate: rate(onTime, expected),
  };
}

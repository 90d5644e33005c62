import { scopeOf, type Transaction } from '@tally/db';
import type { Period } from '@tally/scoring';
import { caseRecordsIn, figuresOf } from '../services/case-figures.ts';
import { disputeFiguresOf, disputeGroupsIn } from '../services/dispute-figures.ts';
import { indicatorTargets } from './indicator-targets.ts';

/**
 * A unit's four rates at every period end, each counted from 1 January to that end (as the
 * offices report "截至X月底"): closure and on-time rate from the petition figures, mediation
 * success and satisfaction from the dispute figures. Bounded: one unit, one year; the unit's
 * cases and dispute groups are read once, up to the last period end, and each point takes its
 * window from them (the same rows and functions as unitFigures and disputeFiguresIn per window).
 */
export async function indicatorTrend(
  tx: Transaction,
  countyId: number,
  unit: { code: string; level: 'county' | 'township' | 'village'; scope: string },
  year: number,
  periods: readonly Period[],
) {
  const from = `${year}-01-01`;
  const last = periods.at(-1)?.end;
  if (last === undefined) return { targets: indicatorTargets(countyId), points: [] };
  const scope = scopeOf(unit.code, unit.level);
  const [cases, disputes] = await Promise.all([
    caseRecordsIn(tx, countyId, scope, { from, to: last }),
    disputeGroupsIn(tx, countyId, unit.scope, from, last, unit.scope.length),
  ]);
  const points = periods.map((period) => {
    const figures = figuresOf(cases, scope, { from, to: period.end });
    const rates = disputeFiguresOf(disputes, unit.scope, from, period.end);
    return {
      period: period.label,
      end: period.end,
      closure: figures.closureRate.percent,
      onTime: figures.onTimeRate.percent,
      success: rates.success.rate.percent,
      satisfaction: rates.satisfaction.rate.percent,
    };
  });
  return { targets: indicatorTargets(countyId), points };
}

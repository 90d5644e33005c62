import type { Transaction } from '@tally/db';
import { unitFigures } from '../services/case-figures.ts';
import { disputeFiguresIn } from '../services/dispute-figures.ts';
import { indicatorTargets } from './indicator-targets.ts';
import type { Period } from '@tally/scoring';

/**
 * A unit's four rates at every period end, each counted from 1 January to that end (as the
 * offices report "截至X月底"): closure and on-time rate from the petition figures, mediation
 * success and satisfaction from the dispute figures. Bounded: one unit, one year.
 */
export async function indicatorTrend(
  tx: Transaction,
  countyId: number,
  unit: { code: string; level: 'county' | 'township' | 'village'; scope: string },
  year: number,
  periods: readonly Period[],
) {
  const points = [];
  for (const period of periods) {
    const window = { from: `${year}-01-01`, to: period.end };
    const [cases, disputes] = await Promise.all([
      unitFigures(tx, countyId, unit, window),
      disputeFiguresIn(tx, countyId, unit.scope, window.from, window.to),
    ]);
    points.push({
      period: period.label,
      end: period.end,
      closure: cases.closureRate.percent,
      onTime: cases.onTimeRate.percent,
      success: disputes.success.rate.percent,
      satisfaction: disputes.satisfaction.rate.percent,
    });
  }
  return { targets: indicatorTargets(countyId), points };
}

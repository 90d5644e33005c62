import { shanghaiDate, unitLevelOf } from '@tally/casework';
import type { Transaction } from '@tally/db';
import { notFound } from '../errors.ts';
import { scopeForUnit } from '../services/unit-scope.ts';
import type { AuthedContext } from '../trpc.ts';
import { indicatorTrend } from './indicator-trend.ts';
import { reportingTrend } from './reporting-trend.ts';
import { cacheInputs, cacheKey, dashboardResults } from './result-cache.ts';
import { trendPeriods } from './trend-periods.ts';

/** One unit's closure, on-time, mediation-success, satisfaction and reporting rates at each period end, with their targets. */
export async function indicatorTrendView(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; granularity: 'month' | 'quarter'; unitCode: string },
) {
  const unit = await scopeForUnit(tx, ctx, input.unitCode);
  const level = unitLevelOf(unit.unitCode);
  if (level === null) throw notFound();
  const today = shanghaiDate(ctx.now);
  const periods = trendPeriods(
    input.granularity,
    input.year,
    today < `${input.year}-12-31` ? today : `${input.year}-12-31`,
  );
  // Kept like the rankings: cases, disputes, reports, obligations, calendar and units all bump the data version.
  const inputs = await cacheInputs(tx, ctx.actor.countyId, []);
  const { value, computedAt } = await dashboardResults.get(
    cacheKey(
      'indicatorTrend',
      ctx.actor,
      { unit: unit.unitCode, year: input.year, granularity: input.granularity },
      inputs,
      ctx.now,
    ),
    async () => {
      const [trend, reporting] = await Promise.all([
        indicatorTrend(tx, ctx.actor.countyId, { code: unit.unitCode, level, scope: unit.scope }, input.year, periods),
        reportingTrend(tx, ctx.actor.countyId, unit.scope, input.year, periods, ctx.now),
      ]);
      const points = trend.points.map((point, index) => ({ ...point, reporting: reporting[index] ?? null }));
      return { unitCode: unit.unitCode, unitName: unit.name, ...trend, points };
    },
    ctx.now,
  );
  return { ...value, computedAt: computedAt.toISOString() };
}

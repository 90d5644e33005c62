import type { Transaction } from '@tally/db';
import { countyCalendar } from '../services/work-calendar.ts';
import type { AuthedContext } from '../trpc.ts';
import { liveRankingScope } from './ranking-scope.ts';
import { cacheInputs, cacheKey, dashboardResults } from './result-cache.ts';
import { scoreTrend } from './score-trend.ts';

/**
 * Every unit's score to date at each month or quarter end of the year (live, under the rule set
 * in force). Only for a scope the reader may score: another township's live score is not shown.
 * Kept like the rankings, with the time it was computed.
 */
export async function scoreTrendView(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; granularity: 'month' | 'quarter'; scopeCode: string },
) {
  const [scope, inputs] = await Promise.all([
    liveRankingScope(tx, ctx, input.scopeCode),
    cacheInputs(tx, ctx.actor.countyId, [input.year]),
  ]);
  const { value, computedAt } = await dashboardResults.get(
    cacheKey(
      'scoreTrend',
      ctx.actor,
      { scope: scope.code, year: input.year, granularity: input.granularity },
      inputs,
      ctx.now,
    ),
    async () =>
      scoreTrend(
        tx,
        ctx.actor.countyId,
        scope.code,
        input.year,
        input.granularity,
        await countyCalendar(tx, ctx.actor.countyId),
        ctx.now,
      ),
    ctx.now,
  );
  return { ...value, computedAt: computedAt.toISOString() };
}

import type { Transaction } from '@tally/db';
import { cacheInputs, cacheKey, dashboardResults } from '../dashboard/result-cache.ts';
import type { AuthedContext } from '../trpc.ts';
import { readBreakdown } from './read-results.ts';

/**
 * One unit's published breakdown, kept like the rankings (docs/decisions/0018-dashboard-result-cache.md):
 * published results and breakdowns, their rule sets and units all bump the county's data version,
 * so a kept breakdown is never older than its snapshot. A breakdown the reader's policies do not
 * show is not found each time (a failed read is never kept).
 */
export async function breakdownView(
  tx: Transaction,
  ctx: AuthedContext,
  input: { resultId: string; unitCode: string },
) {
  const inputs = await cacheInputs(tx, ctx.actor.countyId, []);
  const { value } = await dashboardResults.get(
    cacheKey('breakdown', ctx.actor, { resultId: input.resultId, unitCode: input.unitCode }, inputs, ctx.now),
    () => readBreakdown(tx, ctx.actor.countyId, input.resultId, input.unitCode),
    ctx.now,
  );
  return value;
}

import type { Transaction } from '@tally/db';
import { liveRankingScope } from '../dashboard/ranking-scope.ts';
import type { AuthedContext } from '../trpc.ts';
import type { Ranked } from './assess-units.ts';

/**
 * The unit whose children are ranked must be the county or a township, in the actor's scope
 * and visible to it; anything else is "not found", as for a unit that does not exist. The
 * same rule as the dashboard's live scores (liveRankingScope).
 */
export async function resolveRanked(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; period: Ranked['period']; scopeCode: string },
): Promise<Ranked> {
  await liveRankingScope(tx, ctx, input.scopeCode);
  return { countyId: ctx.actor.countyId, year: input.year, period: input.period, scopeCode: input.scopeCode };
}

import type { Transaction } from '@tally/db';
import { unitsUnder } from '../assessment/assess-units.ts';
import type { AuthedContext } from '../trpc.ts';
import { liveRankingScope } from './ranking-scope.ts';
import { cacheInputs, cacheKey, dashboardResults } from './result-cache.ts';
import { sideBySide } from './side-by-side.ts';

/** Petition figures and dispute rates of every unit under a scope the reader may read in full, targets marked; kept like the rankings. */
export async function sideBySideView(
  tx: Transaction,
  ctx: AuthedContext,
  input: { scopeCode: string; from: string; to: string },
) {
  const [scope, inputs] = await Promise.all([
    liveRankingScope(tx, ctx, input.scopeCode),
    cacheInputs(tx, ctx.actor.countyId, []),
  ]);
  const { value, computedAt } = await dashboardResults.get(
    cacheKey('sideBySide', ctx.actor, { scope: scope.code, from: input.from, to: input.to }, inputs, ctx.now),
    async () =>
      sideBySide(
        tx,
        ctx.actor.countyId,
        scope.code,
        await unitsUnder(tx, ctx.actor.countyId, scope.code),
        input.from,
        input.to,
      ),
    ctx.now,
  );
  return { scope, from: input.from, to: input.to, ...value, computedAt: computedAt.toISOString() };
}

import type { Transaction } from '@tally/db';
import { unitsUnder } from '../assessment/assess-units.ts';
import type { AuthedContext } from '../trpc.ts';
import { liveRankingScope } from './ranking-scope.ts';
import { sideBySide } from './side-by-side.ts';

/** Petition figures and dispute rates of every unit under a scope the reader may read in full, targets marked. */
export async function sideBySideView(
  tx: Transaction,
  ctx: AuthedContext,
  input: { scopeCode: string; from: string; to: string },
) {
  const scope = await liveRankingScope(tx, ctx, input.scopeCode);
  const units = await unitsUnder(tx, ctx.actor.countyId, scope.code);
  return {
    scope,
    from: input.from,
    to: input.to,
    ...(await sideBySide(tx, ctx.actor.countyId, units, input.from, input.to)),
  };
}

import { and, eq } from 'drizzle-orm';
import { unitLevelOf } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { notFound } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';
import type { Ranked } from './assess-units.ts';

/**
 * The unit whose children are ranked must be the county or a township, in the actor's scope
 * and visible to it; anything else is "not found", as for a unit that does not exist.
 */
export async function resolveRanked(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; period: Ranked['period']; scopeCode: string },
): Promise<Ranked> {
  const level = unitLevelOf(input.scopeCode);
  if (level === null || level === 'village' || !input.scopeCode.startsWith(ctx.actor.scope)) throw notFound();
  const [unit] = await tx
    .select({ code: schema.units.code })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, input.scopeCode)));
  if (!unit) throw notFound();
  return { countyId: ctx.actor.countyId, year: input.year, period: input.period, scopeCode: input.scopeCode };
}

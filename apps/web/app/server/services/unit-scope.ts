import { and, eq } from 'drizzle-orm';
import { unitLevelOf } from '@tally/casework';
import { schema, scopeOf, type Transaction } from '@tally/db';
import { notFound } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';

/**
 * The code prefix for "this unit and below" when the actor narrows a report to one unit.
 * A unit outside the actor's scope, or unknown in the county, is "not found": the same
 * answer as for a unit that does not exist, so probing reveals nothing.
 */
export async function scopeForUnit(tx: Transaction, ctx: AuthedContext, unitCode: string | undefined): Promise<{ unitCode: string; scope: string; name: string }> {
  const code = unitCode ?? ctx.actor.unitCode;
  const level = unitLevelOf(code);
  if (!level || !code.startsWith(ctx.actor.scope)) throw notFound();
  const [unit] = await tx.select({ name: schema.units.name }).from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, code)));
  if (!unit) throw notFound();
  return { unitCode: code, scope: scopeOf(code, level), name: unit.name };
}

import { and, asc, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { inActorScope } from '../services/unit-scope.ts';
import type { AuthedContext } from '../trpc.ts';

/** Units in the actor's scope (own unit and below), in code order; the caller builds the tree. */
export function unitTree(tx: Transaction, ctx: AuthedContext) {
  return tx
    .select({
      code: schema.units.code,
      name: schema.units.name,
      level: schema.units.level,
      parentCode: schema.units.parentCode,
      active: schema.units.active,
    })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), inActorScope(schema.units.code, ctx.actor)))
    .orderBy(asc(schema.units.code));
}

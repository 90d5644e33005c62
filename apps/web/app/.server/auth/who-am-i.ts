import { and, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import type { AuthedContext } from '../trpc.ts';

/** Who am I: the home page header and the navigation the role may use. */
export async function whoAmI(tx: Transaction, ctx: AuthedContext) {
  // Every page's layout asks: both reads go out together on the transaction's connection.
  const [[user], [unit]] = await Promise.all([
    tx
      .select({ displayName: schema.users.displayName })
      .from(schema.users)
      .where(and(eq(schema.users.countyId, ctx.actor.countyId), eq(schema.users.id, ctx.actor.userId))),
    tx
      .select({ name: schema.units.name, level: schema.units.level })
      .from(schema.units)
      .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, ctx.actor.unitCode))),
  ]);
  return {
    loginName: ctx.actor.loginName,
    displayName: user?.displayName ?? ctx.actor.loginName,
    role: ctx.actor.role,
    unitCode: ctx.actor.unitCode,
    unitName: unit?.name ?? ctx.actor.unitCode,
    unitLevel: unit?.level ?? null,
  };
}

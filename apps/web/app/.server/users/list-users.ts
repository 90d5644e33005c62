import { and, asc, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { inActorScope } from '../services/unit-scope.ts';
import type { AuthedContext } from '../trpc.ts';

/** The accounts at the actor's unit and below, by unit and login name. */
export function listUsers(tx: Transaction, ctx: AuthedContext) {
  return tx
    .select({
      id: schema.users.id,
      loginName: schema.users.loginName,
      displayName: schema.users.displayName,
      role: schema.users.role,
      unitCode: schema.users.unitCode,
      disabled: schema.users.disabled,
      lockedUntil: schema.users.lockedUntil,
    })
    .from(schema.users)
    .where(and(eq(schema.users.countyId, ctx.actor.countyId), inActorScope(schema.users.unitCode, ctx.actor)))
    .orderBy(asc(schema.users.unitCode), asc(schema.users.loginName));
}

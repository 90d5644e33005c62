import { and, eq, isNull } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { notFound } from '../errors.ts';
import { anyInScope } from '../services/unit-scope.ts';
import type { AuthedContext } from '../trpc.ts';

export type CaseRow = typeof schema.petitionCases.$inferSelect;

/** The actor as the state machine sees it. */
export const workflowActor = (ctx: AuthedContext) => ({
  userId: ctx.actor.userId,
  unitCode: ctx.actor.unitCode,
  role: ctx.actor.role,
});

/** Cases the actor may see: handled, registered, or assigned within their scope (the API's own guard beside RLS). */
export function visibleTo(ctx: AuthedContext) {
  const cases = schema.petitionCases;
  return and(
    eq(cases.countyId, ctx.actor.countyId),
    isNull(cases.deletedAt),
    anyInScope([cases.unitCode, cases.registeredUnitCode, cases.assignedUnitCode], ctx.actor.scope),
  );
}

/** One case the actor may see, by id; not found otherwise. `lock` holds it for an update. */
export async function findCase(tx: Transaction, ctx: AuthedContext, id: string, lock = false): Promise<CaseRow> {
  const query = tx
    .select()
    .from(schema.petitionCases)
    .where(and(visibleTo(ctx), eq(schema.petitionCases.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

/** The case's row key in the actor's county, for an update. */
export function caseKey(ctx: AuthedContext, id: string) {
  return and(eq(schema.petitionCases.countyId, ctx.actor.countyId), eq(schema.petitionCases.id, id));
}

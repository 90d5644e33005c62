import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { unitLevelOf } from '@tally/casework';
import { schema, scopeOf, type Actor, type Transaction } from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';

/*
 * "This unit and below", the one way the API writes it beside the RLS policies.
 *
 * A scope is a code prefix (6 digits a county, 9 a township, 12 a village). Never
 * `like(column, scope + '%')`: the planner guesses LIKE keeps 0.5% of rows and sorts a
 * county's rows for a 20-row page (see packages/db/src/schema/rls.ts). A village is one
 * code: equality lets the (county, unit, date) index hand rows over in order. Wider
 * scopes use starts_with, which the planner estimates as the policies do.
 * test/unit/unit-scope-guard.test.ts fails on a hand-written copy.
 */

/** The unit code in `column` lies within `scope` (a code prefix). A null column is outside. */
export function inScope(column: PgColumn, scope: string): SQL {
  return scope.length === 12 ? eq(column, scope) : sql`starts_with(${column}, ${scope})`;
}

/** The unit code in `column` lies in the actor's own scope. */
export function inActorScope(column: PgColumn, actor: Pick<Actor, 'scope'>): SQL {
  return inScope(column, actor.scope);
}

/** Any of the unit codes in `columns` lies within `scope` (a case is seen by its handling, registering and assigned units). */
export function anyInScope(columns: readonly PgColumn[], scope: string): SQL {
  return or(...columns.map((column) => inScope(column, scope)))!;
}

/**
 * The scope a list covers: the chosen unit when it lies in the actor's scope, else the
 * actor's own. A unit outside is "not found", as for one that does not exist.
 */
export function listScope(actor: Pick<Actor, 'scope'>, unitCode: string | undefined): string {
  if (!unitCode) return actor.scope;
  if (!unitCode.startsWith(actor.scope)) throw new UserFacingError('NOT_FOUND', 'error.notFound');
  const level = unitLevelOf(unitCode);
  if (!level) throw new UserFacingError('BAD_REQUEST', 'error.unit.codeFormat');
  return scopeOf(unitCode, level);
}

/**
 * The code prefix for "this unit and below" when the actor narrows a report to one unit.
 * A unit outside the actor's scope, or unknown in the county, is "not found": the same
 * answer as for a unit that does not exist, so probing reveals nothing.
 */
export async function scopeForUnit(
  tx: Transaction,
  ctx: AuthedContext,
  unitCode: string | undefined,
): Promise<{ unitCode: string; scope: string; name: string }> {
  const code = unitCode ?? ctx.actor.unitCode;
  const level = unitLevelOf(code);
  if (!level || !code.startsWith(ctx.actor.scope)) throw notFound();
  const [unit] = await tx
    .select({ name: schema.units.name })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, code)));
  if (!unit) throw notFound();
  return { unitCode: code, scope: scopeOf(code, level), name: unit.name };
}

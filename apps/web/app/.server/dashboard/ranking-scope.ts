import { and, eq } from 'drizzle-orm';
import { ancestorAt, unitLevelOf } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { notFound } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';

export interface DashboardScope {
  code: string;
  level: 'county' | 'township';
  /** The actor may score this scope live (it lies in the actor's own scope); otherwise only published rankings are read. */
  live: boolean;
}

/**
 * The unit whose children a dashboard ranks: the actor's county (every case-data role may ask;
 * what it reads is then up to the policies: a township reads the published township ranking,
 * a village reads nothing), or a township in the actor's scope. Anything else, including a
 * village or another county's unit, is "not found", as for a unit that does not exist.
 */
export async function dashboardScope(tx: Transaction, ctx: AuthedContext, scopeCode: string): Promise<DashboardScope> {
  const level = unitLevelOf(scopeCode);
  if (level === null || level === 'village') throw notFound();
  const ownCounty = ancestorAt(ctx.actor.unitCode, 'county');
  const inScope = scopeCode.startsWith(ctx.actor.scope);
  if (!(level === 'county' && scopeCode === ownCounty) && !inScope) throw notFound();
  if (inScope) {
    const [unit] = await tx
      .select({ code: schema.units.code })
      .from(schema.units)
      .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, scopeCode)));
    if (!unit) throw notFound();
  }
  return { code: scopeCode, level, live: inScope };
}

/**
 * A scope the actor may score live: the county or a township in the actor's own scope. The
 * assessment's previews and live scores and the dashboard's trends and side-by-side ask for
 * one; anything else (another township, the county seen from a township) is "not found".
 */
export async function liveRankingScope(
  tx: Transaction,
  ctx: AuthedContext,
  scopeCode: string,
): Promise<DashboardScope> {
  const scope = await dashboardScope(tx, ctx, scopeCode);
  if (!scope.live) throw notFound();
  return scope;
}

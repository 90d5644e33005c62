import { and, eq, inArray, ne } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { findUnit } from './find-unit.ts';

/** End every session of the users who sit at a unit (it has no active units below it when deactivated). */
function revokeUnitSessions(tx: Transaction, countyId: number, unitCode: string) {
  const usersThere = tx
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(and(eq(schema.users.countyId, countyId), eq(schema.users.unitCode, unitCode)));
  return tx
    .delete(schema.sessions)
    .where(and(eq(schema.sessions.countyId, countyId), inArray(schema.sessions.userId, usersThere)))
    .returning({ id: schema.sessions.id });
}

/**
 * Deactivate a unit with no active unit below it (its users are signed out), or activate one
 * under an active parent. The county itself stays active.
 */
export async function setUnitActive(tx: Transaction, ctx: AuthedContext, input: { code: string; active: boolean }) {
  const unit = await findUnit(tx, ctx.actor.countyId, input.code);
  if (!unit) throw notFound();
  if (unit.level === 'county') throw new UserFacingError('BAD_REQUEST', 'error.unit.parentInvalid');
  if (!input.active) {
    const [activeChild] = await tx
      .select({ code: schema.units.code })
      .from(schema.units)
      .where(
        and(
          eq(schema.units.countyId, ctx.actor.countyId),
          eq(schema.units.parentCode, unit.code),
          eq(schema.units.active, true),
          ne(schema.units.code, unit.code),
        ),
      )
      .limit(1);
    if (activeChild) throw new UserFacingError('BAD_REQUEST', 'error.unit.hasActiveChildren');
  } else if (unit.parentCode) {
    const parent = await findUnit(tx, ctx.actor.countyId, unit.parentCode);
    if (parent && !parent.active) throw new UserFacingError('BAD_REQUEST', 'error.unit.parentInactive');
  }
  await tx
    .update(schema.units)
    .set({ active: input.active, updatedAt: ctx.now })
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, input.code)));
  // Its users are out at once, not when their sessions expire (and sign-in checks the unit).
  const revoked = input.active ? [] : await revokeUnitSessions(tx, ctx.actor.countyId, input.code);
  await auditChange(tx, ctx, {
    action: input.active ? 'units.activate' : 'units.deactivate',
    objectType: 'unit',
    objectId: input.code,
    ...(input.active ? {} : { detail: { sessionsEnded: revoked.length } }),
  });
  return { code: input.code, active: input.active };
}

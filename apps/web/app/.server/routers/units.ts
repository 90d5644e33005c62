import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Transaction } from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';
import { auditChange, roleProcedure, router } from '../trpc.ts';
import { checkChildCode, unitCodeInput } from '../services/unit-codes.ts';
import { inActorScope } from '../services/unit-scope.ts';

const unitCode = unitCodeInput;
const unitName = z.string().trim().min(1).max(60);

async function findUnit(tx: Transaction, countyId: number, code: string) {
  const [unit] = await tx
    .select()
    .from(schema.units)
    .where(and(eq(schema.units.countyId, countyId), eq(schema.units.code, code)));
  return unit ?? null;
}

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

export const unitsRouter = router({
  /** Units in the actor's scope (own unit and below), in code order; the caller builds the tree. */
  tree: roleProcedure('county_admin', 'county_staff', 'township_staff', 'village_staff', 'security_admin').query(
    ({ ctx }) =>
      ctx.run((tx) =>
        tx
          .select({
            code: schema.units.code,
            name: schema.units.name,
            level: schema.units.level,
            parentCode: schema.units.parentCode,
            active: schema.units.active,
          })
          .from(schema.units)
          .where(and(eq(schema.units.countyId, ctx.actor.countyId), inActorScope(schema.units.code, ctx.actor)))
          .orderBy(asc(schema.units.code)),
      ),
  ),

  create: roleProcedure('county_admin')
    .input(z.object({ parentCode: unitCode, code: z.string().trim(), name: unitName }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const parent = await findUnit(tx, ctx.actor.countyId, input.parentCode);
        if (!parent) throw notFound();
        if (!parent.active) throw new UserFacingError('BAD_REQUEST', 'error.unit.parentInactive');
        const checked = checkChildCode(input.code, parent);
        if ('key' in checked) throw new UserFacingError('BAD_REQUEST', checked.key, checked.params);
        if (await findUnit(tx, ctx.actor.countyId, input.code)) {
          throw new UserFacingError('CONFLICT', 'error.unit.codeTaken', { code: input.code });
        }
        const [created] = await tx
          .insert(schema.units)
          .values({
            countyId: ctx.actor.countyId,
            code: input.code,
            name: input.name,
            level: checked.level,
            parentCode: parent.code,
          })
          .returning({ code: schema.units.code, name: schema.units.name, level: schema.units.level });
        await auditChange(tx, ctx, {
          action: 'units.create',
          objectType: 'unit',
          objectId: input.code,
          detail: { name: input.name, parent: parent.code },
        });
        return created!;
      }),
    ),

  rename: roleProcedure('county_admin')
    .input(z.object({ code: unitCode, name: unitName }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const unit = await findUnit(tx, ctx.actor.countyId, input.code);
        if (!unit) throw notFound();
        await tx
          .update(schema.units)
          .set({ name: input.name, updatedAt: ctx.now })
          .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, input.code)));
        await auditChange(tx, ctx, {
          action: 'units.rename',
          objectType: 'unit',
          objectId: input.code,
          detail: { from: unit.name, to: input.name },
        });
        return { code: input.code, name: input.name };
      }),
    ),

  setActive: roleProcedure('county_admin')
    .input(z.object({ code: unitCode, active: z.boolean() }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
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
      }),
    ),
});

import { and, asc, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { roleLevel, schema, userRoles, type Transaction } from '@tally/db';
import { hashPassword } from '../auth/password-hash.ts';
import { passwordProblem } from '../auth/password-rules.ts';
import { UserFacingError, notFound } from '../errors.ts';
import { auditChange, roleProcedure, router, type AuthedContext } from '../trpc.ts';

const userAdmins = ['county_admin', 'security_admin'] as const;
const userId = z.string().uuid();
const role = z.enum(userRoles);

function requireStrongPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new UserFacingError('BAD_REQUEST', problem);
}

async function findUser(tx: Transaction, ctx: AuthedContext, id: string) {
  const [user] = await tx
    .select()
    .from(schema.users)
    .where(and(eq(schema.users.countyId, ctx.actor.countyId), eq(schema.users.id, id), like(schema.users.unitCode, `${ctx.actor.scope}%`)));
  if (!user) throw notFound();
  return user;
}

/** The unit must be visible, active, and at the level the role requires. */
async function requireUnitForRole(tx: Transaction, ctx: AuthedContext, unitCode: string, userRole: z.infer<typeof role>): Promise<void> {
  const [unit] = await tx
    .select({ level: schema.units.level, active: schema.units.active })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, unitCode)));
  if (!unit || !unit.active) throw new UserFacingError('NOT_FOUND', 'error.user.unitNotFound');
  if (unit.level !== roleLevel[userRole]) {
    throw new UserFacingError('BAD_REQUEST', 'error.user.roleLevel', { role: userRole, level: roleLevel[userRole] });
  }
}

/** Ending a user's sessions: on disable and on password reset. */
function revokeSessions(tx: Transaction, countyId: number, id: string) {
  return tx.delete(schema.sessions).where(and(eq(schema.sessions.countyId, countyId), eq(schema.sessions.userId, id)));
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

export const usersRouter = router({
  list: roleProcedure(...userAdmins).query(({ ctx }) =>
    ctx.run((tx) =>
      tx
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
        .where(and(eq(schema.users.countyId, ctx.actor.countyId), like(schema.users.unitCode, `${ctx.actor.scope}%`)))
        .orderBy(asc(schema.users.unitCode), asc(schema.users.loginName)),
    ),
  ),

  create: roleProcedure(...userAdmins)
    .input(
      z.object({
        loginName: z.string().trim(),
        displayName: z.string().trim().min(1).max(40),
        role,
        unitCode: z.string().regex(/^\d{12}$/),
        password: z.string().max(128),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (!/^[A-Za-z0-9_-]{3,32}$/.test(input.loginName)) throw new UserFacingError('BAD_REQUEST', 'error.user.loginNameFormat');
      requireStrongPassword(input.password);
      const passwordHash = await hashPassword(input.password);
      try {
        return await ctx.run(async (tx) => {
          await requireUnitForRole(tx, ctx, input.unitCode, input.role);
          const [created] = await tx
            .insert(schema.users)
            .values({ countyId: ctx.actor.countyId, loginName: input.loginName, displayName: input.displayName, role: input.role, unitCode: input.unitCode, passwordHash })
            .returning({ id: schema.users.id, loginName: schema.users.loginName });
          await auditChange(tx, ctx, { action: 'users.create', objectType: 'user', objectId: created!.id, detail: { loginName: input.loginName, role: input.role, unitCode: input.unitCode } });
          return created!;
        });
      } catch (error) {
        // The login name is unique across counties (account_directory), and a name taken in another county must not say which county.
        if (isUniqueViolation(error)) throw new UserFacingError('CONFLICT', 'error.user.loginNameTaken', { loginName: input.loginName });
        throw error;
      }
    }),

  setDisabled: roleProcedure(...userAdmins)
    .input(z.object({ id: userId, disabled: z.boolean() }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        if (input.id === ctx.actor.userId && input.disabled) throw new UserFacingError('BAD_REQUEST', 'error.user.self');
        const user = await findUser(tx, ctx, input.id);
        await tx.update(schema.users).set({ disabled: input.disabled, updatedAt: ctx.now }).where(and(eq(schema.users.countyId, user.countyId), eq(schema.users.id, user.id)));
        if (input.disabled) await revokeSessions(tx, user.countyId, user.id);
        await auditChange(tx, ctx, { action: input.disabled ? 'users.disable' : 'users.enable', objectType: 'user', objectId: user.id, detail: { loginName: user.loginName } });
        return { id: user.id, disabled: input.disabled };
      }),
    ),

  resetPassword: roleProcedure(...userAdmins)
    .input(z.object({ id: userId, password: z.string().max(128) }))
    .mutation(async ({ ctx, input }) => {
      requireStrongPassword(input.password);
      const passwordHash = await hashPassword(input.password);
      return ctx.run(async (tx) => {
        const user = await findUser(tx, ctx, input.id);
        await tx
          .update(schema.users)
          .set({ passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: ctx.now })
          .where(and(eq(schema.users.countyId, user.countyId), eq(schema.users.id, user.id)));
        await revokeSessions(tx, user.countyId, user.id);
        await auditChange(tx, ctx, { action: 'users.reset_password', objectType: 'user', objectId: user.id, detail: { loginName: user.loginName } });
        return { id: user.id };
      });
    }),

  update: roleProcedure(...userAdmins)
    .input(z.object({ id: userId, role, unitCode: z.string().regex(/^\d{12}$/) }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const user = await findUser(tx, ctx, input.id);
        await requireUnitForRole(tx, ctx, input.unitCode, input.role);
        await tx
          .update(schema.users)
          .set({ role: input.role, unitCode: input.unitCode, updatedAt: ctx.now })
          .where(and(eq(schema.users.countyId, user.countyId), eq(schema.users.id, user.id)));
        // A changed role or unit changes what the sessions may see: make the user sign in again.
        await revokeSessions(tx, user.countyId, user.id);
        await auditChange(tx, ctx, { action: 'users.update', objectType: 'user', objectId: user.id, detail: { from: { role: user.role, unitCode: user.unitCode }, to: { role: input.role, unitCode: input.unitCode } } });
        return { id: user.id, role: input.role, unitCode: input.unitCode };
      }),
    ),
});

import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { roleLevel, schema, userRoles, type AccountAction, type Transaction } from '@tally/db';
import { hashPassword } from '../auth/password-hash.ts';
import { passwordProblem, type PasswordOwner } from '../auth/password-rules.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { UserFacingError, notFound } from '../errors.ts';
import {
  AccountRuleRefusal,
  auditRefusals,
  requireAnotherActiveHolder,
  requireMayActOn,
  requireMayGrant,
} from '../services/account-rules.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { inActorScope } from '../services/unit-scope.ts';
import { auditChange, roleProcedure, router, type AuthedContext } from '../trpc.ts';

const userAdmins = ['county_admin', 'security_admin'] as const;
const userId = z.string().uuid();
const role = z.enum(userRoles);

function requireStrongPassword(password: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw new UserFacingError('BAD_REQUEST', problem);
}

type StoredUser = typeof schema.users.$inferSelect;

function selectUser(tx: Transaction, ctx: AuthedContext, id: string) {
  return tx
    .select()
    .from(schema.users)
    .where(
      and(
        eq(schema.users.countyId, ctx.actor.countyId),
        eq(schema.users.id, id),
        inActorScope(schema.users.unitCode, ctx.actor),
      ),
    );
}

/**
 * The target of an account change, locked for it. Read first without a lock: a row
 * the actor's role may not manage is visible but not lockable (RLS), and must be
 * refused by the rule (B), not reported missing (N). `rule` runs on the read row
 * and again on the locked one, in case it changed in between.
 */
async function lockedTarget(
  tx: Transaction,
  ctx: AuthedContext,
  id: string,
  rule: (user: StoredUser) => void,
  lockFirst?: (user: StoredUser) => Promise<void>,
): Promise<StoredUser> {
  const [seen] = await selectUser(tx, ctx, id);
  if (!seen) throw notFound();
  rule(seen);
  if (lockFirst) await lockFirst(seen);
  const [user] = await selectUser(tx, ctx, id).for('update');
  if (!user) throw notFound();
  rule(user);
  return user;
}

function requireNotSelf(ctx: AuthedContext, id: string, messageKey: 'error.user.self' | 'error.user.selfRole'): void {
  if (id === ctx.actor.userId) throw new AccountRuleRefusal(messageKey, 'own_account');
}

function ruleFor(ctx: AuthedContext, action: AccountAction) {
  return (user: StoredUser) => requireMayActOn(ctx, action, user);
}

/** The unit must be visible, active, and at the level the role requires. */
async function requireUnitForRole(
  tx: Transaction,
  ctx: AuthedContext,
  unitCode: string,
  userRole: z.infer<typeof role>,
): Promise<void> {
  const [unit] = await tx
    .select({ level: schema.units.level, active: schema.units.active })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, unitCode)));
  if (!unit?.active) throw new UserFacingError('NOT_FOUND', 'error.user.unitNotFound');
  if (unit.level !== roleLevel[userRole]) {
    throw new UserFacingError('BAD_REQUEST', 'error.user.roleLevel', { role: userRole, level: roleLevel[userRole] });
  }
}

/** Ending a user's sessions: on disable and on password reset. */
function revokeSessions(tx: Transaction, countyId: number, id: string) {
  return tx.delete(schema.sessions).where(and(eq(schema.sessions.countyId, countyId), eq(schema.sessions.userId, id)));
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
        .where(and(eq(schema.users.countyId, ctx.actor.countyId), inActorScope(schema.users.unitCode, ctx.actor)))
        .orderBy(asc(schema.users.unitCode), asc(schema.users.loginName)),
    ),
  ),

  create: roleProcedure(...userAdmins)
    .input(
      z.object({
        loginName: z.string().trim(),
        displayName: z.string().trim().min(1).max(40),
        role,
        unitCode: unitCodeInput,
        password: z.string().max(128),
      }),
    )
    .mutation(({ ctx, input }) =>
      auditRefusals(ctx, 'users.create', null, async () => {
        requireMayGrant(ctx, input.role);
        if (!/^[A-Za-z0-9_-]{3,32}$/.test(input.loginName))
          throw new UserFacingError('BAD_REQUEST', 'error.user.loginNameFormat');
        requireStrongPassword(input.password, input);
        const passwordHash = await hashPassword(input.password);
        try {
          return await ctx.run(async (tx) => {
            await requireUnitForRole(tx, ctx, input.unitCode, input.role);
            const [created] = await tx
              .insert(schema.users)
              .values({
                countyId: ctx.actor.countyId,
                loginName: input.loginName,
                displayName: input.displayName,
                role: input.role,
                unitCode: input.unitCode,
                passwordHash,
              })
              .returning({ id: schema.users.id, loginName: schema.users.loginName });
            await auditChange(tx, ctx, {
              action: 'users.create',
              objectType: 'user',
              objectId: created!.id,
              detail: { loginName: input.loginName, role: input.role, unitCode: input.unitCode },
            });
            return created!;
          });
        } catch (error) {
          // The login name is unique across counties (account_directory), and a name taken in another county must not say which county.
          if (isUniqueViolation(error))
            throw new UserFacingError('CONFLICT', 'error.user.loginNameTaken', { loginName: input.loginName });
          throw error;
        }
      }),
    ),

  setDisabled: roleProcedure(...userAdmins)
    .input(z.object({ id: userId, disabled: z.boolean() }))
    .mutation(({ ctx, input }) =>
      auditRefusals(ctx, input.disabled ? 'users.disable' : 'users.enable', input.id, () =>
        ctx.run(async (tx) => {
          requireNotSelf(ctx, input.id, 'error.user.self');
          const keepHolder = (user: StoredUser) =>
            input.disabled ? requireAnotherActiveHolder(tx, ctx, user) : Promise.resolve();
          const user = await lockedTarget(tx, ctx, input.id, ruleFor(ctx, 'disable'), keepHolder);
          await tx
            .update(schema.users)
            .set({ disabled: input.disabled, updatedAt: ctx.now })
            .where(and(eq(schema.users.countyId, user.countyId), eq(schema.users.id, user.id)));
          if (input.disabled) await revokeSessions(tx, user.countyId, user.id);
          await auditChange(tx, ctx, {
            action: input.disabled ? 'users.disable' : 'users.enable',
            objectType: 'user',
            objectId: user.id,
            detail: { loginName: user.loginName },
          });
          return { id: user.id, disabled: input.disabled };
        }),
      ),
    ),

  /** One's own password too (an admin who may reset passwords of their own role); argon2 runs inside, after the rules. */
  resetPassword: roleProcedure(...userAdmins)
    .input(z.object({ id: userId, password: z.string().max(128) }))
    .mutation(({ ctx, input }) =>
      auditRefusals(ctx, 'users.reset_password', input.id, () =>
        ctx.run(async (tx) => {
          const user = await lockedTarget(tx, ctx, input.id, ruleFor(ctx, 'resetPassword'));
          requireStrongPassword(input.password, user);
          const passwordHash = await hashPassword(input.password);
          await tx
            .update(schema.users)
            .set({ passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: ctx.now })
            .where(and(eq(schema.users.countyId, user.countyId), eq(schema.users.id, user.id)));
          await revokeSessions(tx, user.countyId, user.id);
          await auditChange(tx, ctx, {
            action: 'users.reset_password',
            objectType: 'user',
            objectId: user.id,
            detail: { loginName: user.loginName },
          });
          return { id: user.id };
        }),
      ),
    ),

  /** A new role or unit: the actor must be able to grant both the role the account holds and the one it gets. */
  update: roleProcedure(...userAdmins)
    .input(z.object({ id: userId, role, unitCode: unitCodeInput }))
    .mutation(({ ctx, input }) =>
      auditRefusals(ctx, 'users.update', input.id, () =>
        ctx.run(async (tx) => {
          requireNotSelf(ctx, input.id, 'error.user.selfRole');
          const mayRegrant = (user: StoredUser) => {
            requireMayGrant(ctx, user.role);
            requireMayGrant(ctx, input.role);
          };
          const keepHolder = (user: StoredUser) =>
            user.role !== input.role ? requireAnotherActiveHolder(tx, ctx, user) : Promise.resolve();
          const user = await lockedTarget(tx, ctx, input.id, mayRegrant, keepHolder);
          await requireUnitForRole(tx, ctx, input.unitCode, input.role);
          await tx
            .update(schema.users)
            .set({ role: input.role, unitCode: input.unitCode, updatedAt: ctx.now })
            .where(and(eq(schema.users.countyId, user.countyId), eq(schema.users.id, user.id)));
          // A changed role or unit changes what the sessions may see: make the user sign in again.
          await revokeSessions(tx, user.countyId, user.id);
          await auditChange(tx, ctx, {
            action: 'users.update',
            objectType: 'user',
            objectId: user.id,
            detail: {
              from: { role: user.role, unitCode: user.unitCode },
              to: { role: input.role, unitCode: input.unitCode },
            },
          });
          return { id: user.id, role: input.role, unitCode: input.unitCode };
        }),
      ),
    ),
});

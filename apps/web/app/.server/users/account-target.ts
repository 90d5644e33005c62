import { and, eq } from 'drizzle-orm';
import { roleLevel, schema, type AccountAction, type Transaction, type UserRole } from '@tally/db';
import { passwordProblem, type PasswordOwner } from '../auth/password-rules.ts';
import { UserFacingError, notFound } from '../errors.ts';
import { AccountRuleRefusal, requireMayActOn } from '../services/account-rules.ts';
import { inActorScope } from '../services/unit-scope.ts';
import type { AuthedContext } from '../trpc.ts';

/*
 * What every account change shares: finding and locking the target, the rules on the actor and
 * the unit, the password rule, and signing the user out.
 */

export type StoredUser = typeof schema.users.$inferSelect;

export function requireStrongPassword(password: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw new UserFacingError('BAD_REQUEST', problem);
}

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
export async function lockedTarget(
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

export function requireNotSelf(
  ctx: AuthedContext,
  id: string,
  messageKey: 'error.user.self' | 'error.user.selfRole',
): void {
  if (id === ctx.actor.userId) throw new AccountRuleRefusal(messageKey, 'own_account');
}

export function ruleFor(ctx: AuthedContext, action: AccountAction) {
  return (user: StoredUser) => requireMayActOn(ctx, action, user);
}

/** The unit must be visible, active, and at the level the role requires. */
export async function requireUnitForRole(
  tx: Transaction,
  ctx: AuthedContext,
  unitCode: string,
  userRole: UserRole,
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

/** Ending a user's sessions: on disable, on password reset, and on a new role or unit. */
export function revokeSessions(tx: Transaction, countyId: number, id: string) {
  return tx.delete(schema.sessions).where(and(eq(schema.sessions.countyId, countyId), eq(schema.sessions.userId, id)));
}

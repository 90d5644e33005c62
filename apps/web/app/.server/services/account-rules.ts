import { and, asc, eq } from 'drizzle-orm';
import { keptRoles, mayActOn, schema, type AccountAction, type Transaction, type UserRole } from '@tally/db';
import type { MessageKey } from '../../i18n/index.ts';
import { UserFacingError } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';
import { appendAudit } from './audit.ts';

/*
 * The procedure side of docs/security.md "Who may grant which role". The same
 * table is enforced by the database (users_may() and the users_guard_update
 * trigger); here a refusal gets a message and an audit row instead of an error.
 */

/** A refusal by the rule table: what the auditor reads, and what the user is told. */
export class AccountRuleRefusal extends UserFacingError {
  readonly reason: string;
  readonly detail: Record<string, string>;
  constructor(messageKey: MessageKey, reason: string, detail: Record<string, string> = {}) {
    super('FORBIDDEN', messageKey);
    this.reason = reason;
    this.detail = detail;
  }
}

export function requireMayGrant(ctx: AuthedContext, role: UserRole): void {
  if (!mayActOn(ctx.actor.role, 'grant', role))
    throw new AccountRuleRefusal('error.user.roleNotGrantable', 'role_not_grantable', { role });
}

export function requireMayActOn(ctx: AuthedContext, action: AccountAction, target: { role: UserRole }): void {
  if (action === 'grant') {
    requireMayGrant(ctx, target.role);
    return;
  }
  if (!mayActOn(ctx.actor.role, action, target.role))
    throw new AccountRuleRefusal('error.user.notManaged', 'role_not_managed', { action, role: target.role });
}

/**
 * Before an active security admin or auditor is disabled or given another role:
 * lock every active holder of that role in the county (in id order, so two such
 * requests queue instead of deadlocking) and refuse if the target is the last.
 * A request that waited here sees the other's change when the lock is granted.
 */
export async function requireAnotherActiveHolder(
  tx: Transaction,
  ctx: AuthedContext,
  target: { id: string; role: UserRole; disabled: boolean },
): Promise<void> {
  if (!keptRoles.includes(target.role) || target.disabled) return;
  const holders = await tx
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(
      and(
        eq(schema.users.countyId, ctx.actor.countyId),
        eq(schema.users.role, target.role),
        eq(schema.users.disabled, false),
      ),
    )
    .orderBy(asc(schema.users.id))
    .for('update');
  if (!holders.some((holder) => holder.id !== target.id)) {
    throw new AccountRuleRefusal('error.user.lastKeeper', 'last_active_holder', { role: target.role });
  }
}

/**
 * Run an account change; a refusal by the rule table is written to the audit log
 * in a transaction of its own (the change's transaction rolls back), then rethrown.
 */
export async function auditRefusals<T>(
  ctx: AuthedContext,
  action: string,
  targetId: string | null,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountRuleRefusal) {
      await ctx.run((tx) =>
        appendAudit(tx, {
          countyId: ctx.actor.countyId,
          at: ctx.now,
          actorUserId: ctx.actor.userId,
          actorLogin: ctx.actor.loginName,
          actorRole: ctx.actor.role,
          action,
          objectType: 'user',
          objectId: targetId,
          result: 'denied',
          ip: ctx.ip,
          detail: { reason: error.reason, ...error.detail },
        }),
      );
    }
    throw error;
  }
}

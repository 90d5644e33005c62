import { and, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { requireAnotherActiveHolder } from '../services/account-rules.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { lockedTarget, requireNotSelf, revokeSessions, ruleFor, type StoredUser } from './account-target.ts';

/** Disable (and sign out) or enable an account; never one's own, never the last active keeper of a role. */
export async function setUserDisabled(tx: Transaction, ctx: AuthedContext, input: { id: string; disabled: boolean }) {
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
}

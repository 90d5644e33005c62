import { and, eq } from 'drizzle-orm';
import { schema, type Transaction, type UserRole } from '@tally/db';
import { requireAnotherActiveHolder, requireMayGrant } from '../services/account-rules.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { lockedTarget, requireNotSelf, requireUnitForRole, revokeSessions, type StoredUser } from './account-target.ts';

/** A new role or unit: the actor must be able to grant both the role the account holds and the one it gets. */
export async function updateUser(
  tx: Transaction,
  ctx: AuthedContext,
  input: { id: string; role: UserRole; unitCode: string },
) {
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
}

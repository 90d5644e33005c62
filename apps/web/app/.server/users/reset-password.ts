import { and, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { hashPassword } from '../auth/password-hash.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { lockedTarget, requireStrongPassword, revokeSessions, ruleFor } from './account-target.ts';

/** One's own password too (an admin who may reset passwords of their own role); argon2 runs inside, after the rules. */
export async function resetPassword(tx: Transaction, ctx: AuthedContext, input: { id: string; password: string }) {
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
}

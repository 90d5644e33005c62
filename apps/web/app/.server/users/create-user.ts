import { schema, type UserRole } from '@tally/db';
import { hashPassword } from '../auth/password-hash.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { UserFacingError } from '../errors.ts';
import { requireMayGrant } from '../services/account-rules.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { requireStrongPassword, requireUnitForRole } from './account-target.ts';

/**
 * A new account. Takes `ctx` and opens its own transaction: the rules and argon2 run before
 * it (no transaction held open while hashing), and a taken login name is told after it.
 */
export async function createUser(
  ctx: AuthedContext,
  input: { loginName: string; displayName: string; role: UserRole; unitCode: string; password: string },
) {
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
}

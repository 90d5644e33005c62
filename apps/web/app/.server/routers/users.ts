import { z } from 'zod';
import { userRoles } from '@tally/db';
import { auditRefusals } from '../services/account-rules.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { createUser } from '../users/create-user.ts';
import { listUsers } from '../users/list-users.ts';
import { resetPassword } from '../users/reset-password.ts';
import { setUserDisabled } from '../users/set-user-disabled.ts';
import { updateUser } from '../users/update-user.ts';
import { roleProcedure, router } from '../trpc.ts';

const userAdmins = ['county_admin', 'security_admin'] as const;
const userId = z.string().uuid();
const role = z.enum(userRoles);

/**
 * Accounts (docs/security.md "Who may grant which role"). A refusal by the rule table is
 * audited by auditRefusals in a transaction of its own, since the change's rolls back.
 */
export const usersRouter = router({
  list: roleProcedure(...userAdmins).query(({ ctx }) => ctx.run((tx) => listUsers(tx, ctx))),

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
    .mutation(({ ctx, input }) => auditRefusals(ctx, 'users.create', null, () => createUser(ctx, input))),

  setDisabled: roleProcedure(...userAdmins)
    .input(z.object({ id: userId, disabled: z.boolean() }))
    .mutation(({ ctx, input }) =>
      auditRefusals(ctx, input.disabled ? 'users.disable' : 'users.enable', input.id, () =>
        ctx.run((tx) => setUserDisabled(tx, ctx, input)),
      ),
    ),

  /** One's own password too (an admin who may reset passwords of their own role); argon2 runs inside, after the rules. */
  resetPassword: roleProcedure(...userAdmins)
    .input(z.object({ id: userId, password: z.string().max(128) }))
    .mutation(({ ctx, input }) =>
      auditRefusals(ctx, 'users.reset_password', input.id, () => ctx.run((tx) => resetPassword(tx, ctx, input))),
    ),

  /** A new role or unit: the actor must be able to grant both the role the account holds and the one it gets. */
  update: roleProcedure(...userAdmins)
    .input(z.object({ id: userId, role, unitCode: unitCodeInput }))
    .mutation(({ ctx, input }) =>
      auditRefusals(ctx, 'users.update', input.id, () => ctx.run((tx) => updateUser(tx, ctx, input))),
    ),
});

import { initTRPC, TRPCError } from '@trpc/server';
import { withActor, type Actor, type Database, type Transaction, type UserRole } from '@tally/db';
import { appendAudit, appendRoleDenial } from './services/audit.ts';
import { UserFacingError, forbidden } from './errors.ts';

/** What every procedure knows about the request. `now` is read once per request. */
export interface RequestContext {
  db: Database;
  actor: Actor | null;
  ip: string | null;
  now: Date;
}

const t = initTRPC.context<RequestContext>().create({
  errorFormatter({ shape, error }) {
    const cause = error instanceof UserFacingError ? error : error.cause instanceof UserFacingError ? error.cause : null;
    return { ...shape, data: { ...shape.data, messageKey: cause?.messageKey ?? null, params: cause?.params ?? null } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Signed in. Adds `run`, which executes a function as the actor under RLS in one transaction. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  const actor = ctx.actor;
  if (!actor) throw new TRPCError({ code: 'UNAUTHORIZED' });
  const run = <T>(fn: (tx: Transaction) => Promise<T>) => withActor(ctx.db, actor, fn);
  return next({ ctx: { ...ctx, actor, run } });
});

/** Signed in with one of `roles`; anything else is refused and the refusal audited. */
export function roleProcedure(...roles: UserRole[]) {
  return authedProcedure.use(async ({ ctx, path, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      await ctx.run((tx) => appendRoleDenial(tx, ctx.actor, path, ctx.ip, ctx.now));
      throw forbidden();
    }
    return next();
  });
}

export type AuthedContext = RequestContext & { actor: Actor; run: <T>(fn: (tx: Transaction) => Promise<T>) => Promise<T> };

/** Audit an admin change inside its own transaction, with the actor filled in. */
export function auditChange(
  tx: Transaction,
  ctx: AuthedContext,
  change: { action: string; objectType: string; objectId: string; detail?: Record<string, unknown> },
): Promise<void> {
  return appendAudit(tx, {
    countyId: ctx.actor.countyId, at: ctx.now, actorUserId: ctx.actor.userId, actorLogin: ctx.actor.loginName,
    actorRole: ctx.actor.role, result: 'ok', ip: ctx.ip, ...change,
  });
}

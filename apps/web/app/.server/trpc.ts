import { initTRPC, TRPCError } from '@trpc/server';
import { withActor, type Actor, type Database, type Transaction, type UserRole } from '@tally/db';
import { appendAudit, appendRoleDenial } from './services/audit.ts';
import { auditProbe } from './services/probe-audit.ts';
import { clientErrorFor } from './db-errors.ts';
import { UserFacingError, forbidden } from './errors.ts';
import { findInvalidText } from './input-text.ts';
import { safeError } from './safe-error.ts';

/** What every procedure knows about the request. `now` is read once per request. */
export interface RequestContext {
  db: Database;
  actor: Actor | null;
  ip: string | null;
  now: Date;
}

export interface ProcedureMeta {
  /**
   * false when NOT_FOUND is an ordinary answer for this procedure (the upload page polls a
   * batch before it exists), so it is not audited as a probe.
   */
  auditNotFound?: boolean;
}

/** Stack and cause in tRPC error responses only when TALLY_DEBUG_ERRORS=1 (never in production use). */
const debugErrors = () => process.env.TALLY_DEBUG_ERRORS === '1';

const t = initTRPC
  .context<RequestContext>()
  .meta<ProcedureMeta>()
  .create({
    // tRPC adds the stack whenever NODE_ENV is not 'production'; the formatter decides instead.
    isDev: false,
    errorFormatter({ shape, error }) {
      const cause =
        error instanceof UserFacingError ? error : error.cause instanceof UserFacingError ? error.cause : null;
      const internal = shape.data.httpStatus >= 500;
      const issues = (error.cause as { issues?: Array<{ path: Array<string | number> }> } | undefined)?.issues;
      return {
        // A 500's message is the driver's: the statement and its parameters. Never sent.
        message: internal ? 'error.generic' : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          messageKey: cause?.messageKey ?? (internal ? 'error.generic' : null),
          params: cause?.params ?? null,
          field: issues?.[0]?.path.join('.') ?? null,
          ...(debugErrors() ? { debug: safeError(error) } : {}),
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure: text Postgres cannot hold is refused before the input is parsed, and a
 * value the database refuses (class 22) answers 400 instead of a 500.
 */
const baseProcedure = t.procedure.use(async ({ getRawInput, next }) => {
  const invalid = findInvalidText(await getRawInput());
  if (invalid) throw new UserFacingError('BAD_REQUEST', 'error.invalidText', { field: invalid });
  const result = await next();
  if (!result.ok) {
    const mapped = clientErrorFor(result.error);
    if (mapped) throw mapped;
  }
  return result;
});

/**
 * Signed in. Adds `run`, which executes a function as the actor under RLS in one transaction.
 * A NOT_FOUND is audited as a probe (services/probe-audit.ts).
 */
export const authedProcedure = baseProcedure.use(async ({ ctx, meta, path, getRawInput, next }) => {
  const actor = ctx.actor;
  if (!actor) throw new TRPCError({ code: 'UNAUTHORIZED' });
  const run = <T>(fn: (tx: Transaction) => Promise<T>) => withActor(ctx.db, actor, fn);
  const result = await next({ ctx: { ...ctx, actor, run } });
  if (!result.ok && result.error.code === 'NOT_FOUND' && meta?.auditNotFound !== false) {
    await auditProbe(ctx.db, actor, path, await getRawInput(), ctx.ip, ctx.now);
  }
  return result;
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

export type AuthedContext = RequestContext & {
  actor: Actor;
  run: <T>(fn: (tx: Transaction) => Promise<T>) => Promise<T>;
};

/** Audit an admin change inside its own transaction, with the actor filled in. */
export function auditChange(
  tx: Transaction,
  ctx: AuthedContext,
  change: { action: string; objectType: string; objectId: string; detail?: Record<string, unknown> },
): Promise<void> {
  return appendAudit(tx, {
    countyId: ctx.actor.countyId,
    at: ctx.now,
    actorUserId: ctx.actor.userId,
    actorLogin: ctx.actor.loginName,
    actorRole: ctx.actor.role,
    result: 'ok',
    ip: ctx.ip,
    ...change,
  });
}

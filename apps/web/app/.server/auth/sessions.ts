import { and, eq, sql } from 'drizzle-orm';
import { unitLevelOf, type UnitLevel } from '@tally/casework';
import { z } from 'zod';
import { onlyRow, schema, scopeOf, withSignInContext, type Actor, type Database, type Transaction } from '@tally/db';
import { appendAudit } from '../services/audit.ts';
import { log } from '../log.ts';
import { loginNameTag } from './login-name-tag.ts';
import { decoyPasswordHash, verifyPassword } from './password-hash.ts';
import { afterFailedAttempt, isLocked, sessionVerdict, shouldRenew } from './session-policy.ts';
import { issueToken, parseToken, secretMatches } from './session-token.ts';

export type SignInResult = { ok: true; token: string; actor: Actor } | { ok: false; reason: 'failed' };

interface SignInInput {
  loginName: string;
  password: string;
  ip: string | null;
  now: Date;
}

/** What sign-in needs besides the database: the password check, replaceable so a test can count it. */
export interface SignInDependencies {
  verify: (passwordHash: string, password: string) => Promise<boolean>;
}
const defaultDependencies: SignInDependencies = { verify: verifyPassword };

async function resolveCounty(db: Database, loginName: string): Promise<number | null> {
  const rows = await db.execute(sql`select auth_resolve_login(${loginName}) as county_id`);
  return onlyRow(rows, z.object({ county_id: z.number().nullable() })).county_id;
}

/** The statistical code says its own level (@tally/casework owns the rule); stored codes are always valid. */
export function levelOf(code: string): UnitLevel {
  const level = unitLevelOf(code);
  if (level === null) throw new Error(`not a unit code: ${code}`);
  return level;
}

function actorFor(user: typeof schema.users.$inferSelect): Actor {
  return {
    countyId: user.countyId,
    userId: user.id,
    role: user.role,
    scope: scopeOf(user.unitCode, levelOf(user.unitCode)),
    unitCode: user.unitCode,
    loginName: user.loginName,
  };
}

const failed = { ok: false, reason: 'failed' } as const;

/** Is the user's own unit active? Read with the unit as the scope: the sign-in context sees no unit otherwise. */
async function unitIsActive(tx: Transaction, user: { countyId: number; unitCode: string }): Promise<boolean> {
  await tx.execute(sql`select set_config('app.scope', ${user.unitCode}, true)`);
  const [unit] = await tx
    .select({ active: schema.units.active })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, user.countyId), eq(schema.units.code, user.unitCode)));
  // Back to no scope: the rest of sign-in needs none.
  await tx.execute(sql`select set_config('app.scope', '', true)`);
  return unit?.active === true;
}

/**
 * Check a password, apply lockout, and open a new session (a new id on every
 * sign-in: session rotation). Every outcome for a real account is audited in its county.
 *
 * Whether a name exists must not show (docs/security.md "Sign-in"): every failure
 * is the same answer, and every path verifies exactly one argon2 hash; an unknown
 * name, a locked or disabled account, and a deactivated unit verify the decoy
 * hash, so neither the answer nor the work says which it was (and a locked
 * account is no password oracle during its lockout).
 */
export async function signIn(
  db: Database,
  input: SignInInput,
  dependencies: SignInDependencies = defaultDependencies,
): Promise<SignInResult> {
  const spendDecoyCheck = async () => dependencies.verify(await decoyPasswordHash(), input.password);
  const countyId = await resolveCounty(db, input.loginName);
  if (countyId === null) {
    await spendDecoyCheck();
    // No county's audit log can take it, so it goes to the server log, and never as typed:
    // a name that is no account is often a password typed into the wrong field.
    log.warn(
      {
        event: 'auth.sign_in',
        result: 'failed',
        reason: 'unknown_login',
        loginNameTag: loginNameTag(input.loginName),
        ip: input.ip,
      },
      'sign-in with an unknown login name',
    );
    return failed;
  }
  return withSignInContext(db, { countyId, loginName: input.loginName }, async (tx) => {
    const [user] = await tx
      .select()
      .from(schema.users)
      .where(eq(schema.users.loginName, input.loginName))
      .for('update');
    if (!user) {
      await spendDecoyCheck();
      return failed;
    }
    const audit = (action: string, result: 'ok' | 'denied' | 'failed', detail?: Record<string, unknown>) =>
      appendAudit(tx, {
        countyId,
        at: input.now,
        actorUserId: user.id,
        actorLogin: user.loginName,
        actorRole: user.role,
        action,
        objectType: 'user',
        objectId: user.id,
        result,
        ip: input.ip,
        detail: detail ?? null,
      });

    const refusal = isLocked(user.lockedUntil, input.now)
      ? 'locked'
      : user.disabled
        ? 'disabled'
        : !(await unitIsActive(tx, user))
          ? 'unit_inactive'
          : null;
    if (refusal) {
      await spendDecoyCheck();
      await audit('auth.sign_in', 'denied', { reason: refusal });
      return failed;
    }
    const passwordOk = await dependencies.verify(user.passwordHash, input.password);
    if (!passwordOk) {
      const next = afterFailedAttempt(user.failedAttempts, input.now);
      await tx.update(schema.users).set(next).where(eq(schema.users.id, user.id));
      await audit('auth.sign_in', 'failed', { reason: 'password' });
      if (next.lockedUntil) await audit('auth.lockout', 'ok', { until: next.lockedUntil.toISOString() });
      return failed;
    }
    await tx.update(schema.users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(schema.users.id, user.id));
    const actor = actorFor(user);
    const issued = issueToken(countyId);
    // The new session is written under its own id's context.
    await tx.execute(sql`select set_config('app.session_id', ${issued.id}, true)`);
    await tx.insert(schema.sessions).values({
      countyId,
      id: issued.id,
      userId: user.id,
      secretHash: issued.secretHash,
      createdAt: input.now,
      lastUsedAt: input.now,
      ip: input.ip,
    });
    await audit('auth.sign_in', 'ok', { session: issued.id });
    return { ok: true, token: issued.token, actor } as const;
  });
}

export type SessionCheck =
  | {
      actor: Actor;
      sessionId: string /** The header's name for the user (kept pages are keyed by it). */;
      displayName: string;
    }
  | { actor: null; expired: boolean };

/** Validate a cookie token: secret, expiry (idle and absolute), user still enabled; slide the idle window. */
export async function validateSession(db: Database, token: string, now: Date): Promise<SessionCheck> {
  const parsed = parseToken(token);
  if (!parsed) return { actor: null, expired: false };
  return withSignInContext(db, { countyId: parsed.countyId, sessionId: parsed.id }, async (tx) => {
    const [session] = await tx.select().from(schema.sessions).where(eq(schema.sessions.id, parsed.id));
    if (!session || !secretMatches(parsed.secret, session.secretHash)) return { actor: null, expired: false };
    if (sessionVerdict(session, now) !== 'valid') {
      await tx.delete(schema.sessions).where(eq(schema.sessions.id, session.id));
      return { actor: null, expired: true };
    }
    // The presented session names its user; read that row with the user's id in context.
    await tx.execute(sql`select set_config('app.user_id', ${session.userId}, true)`);
    const [user] = await tx.select().from(schema.users).where(eq(schema.users.id, session.userId));
    if (!user || user.disabled) {
      await tx.delete(schema.sessions).where(eq(schema.sessions.id, session.id));
      return { actor: null, expired: false };
    }
    if (shouldRenew(session, now)) {
      await tx.update(schema.sessions).set({ lastUsedAt: now }).where(eq(schema.sessions.id, session.id));
    }
    return { actor: actorFor(user), sessionId: session.id, displayName: user.displayName };
  });
}

/** Sign out: delete the session row, audited. */
export async function signOut(db: Database, token: string, ip: string | null, now: Date): Promise<void> {
  const parsed = parseToken(token);
  if (!parsed) return;
  await withSignInContext(db, { countyId: parsed.countyId, sessionId: parsed.id }, async (tx) => {
    const [session] = await tx.select().from(schema.sessions).where(eq(schema.sessions.id, parsed.id));
    if (!session || !secretMatches(parsed.secret, session.secretHash)) return;
    await tx.delete(schema.sessions).where(eq(schema.sessions.id, session.id));
    await appendAudit(tx, {
      countyId: parsed.countyId,
      at: now,
      actorUserId: session.userId,
      action: 'auth.sign_out',
      objectType: 'session',
      objectId: session.id,
      result: 'ok',
      ip,
    });
  });
}

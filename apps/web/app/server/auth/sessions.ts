import { eq, sql } from 'drizzle-orm';
import { unitLevelOf, type UnitLevel } from '@tally/casework';
import { schema, scopeOf, withSignInContext, type Actor, type Database } from '@tally/db';
import { appendAudit } from '../services/audit.ts';
import { log } from '../log.ts';
import { decoyPasswordHash, verifyPassword } from './password-hash.ts';
import { afterFailedAttempt, isLocked, minutesLeft, sessionVerdict, shouldRenew } from './session-policy.ts';
import { issueToken, parseToken, secretMatches } from './session-token.ts';

export type SignInResult =
  | { ok: true; token: string; actor: Actor }
  | { ok: false; reason: 'failed' | 'disabled' }
  | { ok: false; reason: 'locked'; minutes: number };

interface SignInInput {
  loginName: string;
  password: string;
  ip: string | null;
  now: Date;
}

async function resolveCounty(db: Database, loginName: string): Promise<number | null> {
  const rows = await db.execute(sql`select auth_resolve_login(${loginName}) as county_id`);
  const value = (rows as unknown as Array<{ county_id: number | null }>)[0]?.county_id;
  return value ?? null;
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


/**
 * Check a password, apply lockout, and open a new session (a new id on every
 * sign-in: session rotation). Every outcome is audited in the user's county.
 */
export async function signIn(db: Database, input: SignInInput): Promise<SignInResult> {
  const countyId = await resolveCounty(db, input.loginName);
  if (countyId === null) {
    // Unknown name: spend the same time as a real check. No county's audit
    // log can take it, so it goes to the server log.
    await verifyPassword(await decoyPasswordHash(), input.password);
    log.warn({ event: 'auth.sign_in', result: 'failed', reason: 'unknown_login', loginName: input.loginName.slice(0, 64), ip: input.ip }, 'sign-in with an unknown login name');
    return { ok: false, reason: 'failed' };
  }
  return withSignInContext(db, { countyId, loginName: input.loginName }, async (tx) => {
    const [user] = await tx.select().from(schema.users).where(eq(schema.users.loginName, input.loginName)).for('update');
    if (!user) return { ok: false, reason: 'failed' } as const;
    const audit = (action: string, result: 'ok' | 'denied' | 'failed', detail?: Record<string, unknown>) =>
      appendAudit(tx, {
        countyId, at: input.now, actorUserId: user.id, actorLogin: user.loginName, actorRole: user.role,
        action, objectType: 'user', objectId: user.id, result, ip: input.ip, detail: detail ?? null,
      });

    if (isLocked(user.lockedUntil, input.now)) {
      await audit('auth.sign_in', 'denied', { reason: 'locked' });
      return { ok: false, reason: 'locked', minutes: minutesLeft(user.lockedUntil!, input.now) } as const;
    }
    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    if (!passwordOk) {
      const next = afterFailedAttempt(user.failedAttempts, input.now);
      await tx.update(schema.users).set(next).where(eq(schema.users.id, user.id));
      await audit('auth.sign_in', 'failed', { reason: 'password' });
      if (next.lockedUntil) {
        await audit('auth.lockout', 'ok', { until: next.lockedUntil.toISOString() });
        return { ok: false, reason: 'locked', minutes: minutesLeft(next.lockedUntil, input.now) } as const;
      }
      return { ok: false, reason: 'failed' } as const;
    }
    if (user.disabled) {
      await audit('auth.sign_in', 'denied', { reason: 'disabled' });
      return { ok: false, reason: 'disabled' } as const;
    }
    await tx.update(schema.users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(schema.users.id, user.id));
    const actor = actorFor(user);
    const issued = issueToken(countyId);
    // The new session is written under its own id's context.
    await tx.execute(sql`select set_config('app.session_id', ${issued.id}, true)`);
    await tx.insert(schema.sessions).values({
      countyId, id: issued.id, userId: user.id, secretHash: issued.secretHash,
      createdAt: input.now, lastUsedAt: input.now, ip: input.ip,
    });
    await audit('auth.sign_in', 'ok', { session: issued.id });
    return { ok: true, token: issued.token, actor } as const;
  });
}

export type SessionCheck = { actor: Actor; sessionId: string } | { actor: null; expired: boolean };

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
    return { actor: actorFor(user), sessionId: session.id };
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
      countyId: parsed.countyId, at: now, actorUserId: session.userId, action: 'auth.sign_out',
      objectType: 'session', objectId: session.id, result: 'ok', ip,
    });
  });
}

/**
 * Pure session and lockout rules (DESIGN.md "Auth"): clock passed in.
 */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Renew last_used_at at most once a minute, not on every request. */
export const RENEW_AFTER_MS = 60 * 1000;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type SessionVerdict = 'valid' | 'idle-expired' | 'absolute-expired';

export function sessionVerdict(session: { createdAt: Date; lastUsedAt: Date }, now: Date): SessionVerdict {
  if (now.getTime() - session.createdAt.getTime() >= ABSOLUTE_LIFETIME_MS) return 'absolute-expired';
  if (now.getTime() - session.lastUsedAt.getTime() >= IDLE_TIMEOUT_MS) return 'idle-expired';
  return 'valid';
}

export function shouldRenew(session: { lastUsedAt: Date }, now: Date): boolean {
  return now.getTime() - session.lastUsedAt.getTime() >= RENEW_AFTER_MS;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** State after one more failed attempt: the fifth failure locks for 15 minutes and resets the count. */
export function afterFailedAttempt(
  failedAttempts: number,
  now: Date,
): { failedAttempts: number; lockedUntil: Date | null } {
  const attempts = failedAttempts + 1;
  if (attempts >= MAX_FAILED_ATTEMPTS) return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) };
  return { failedAttempts: attempts, lockedUntil: null };
}

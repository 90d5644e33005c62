/**
 * The per-source sign-in throttle's table, as the owner sees it (docs/security.md "Sign-in"):
 * the window is named once here so the app (which counts through `auth_sign_in_reserve`) and
 * housekeeping (which deletes what has left the window) agree.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';

/** Failed sign-ins from one source address allowed in any window. */
export const SIGN_IN_SOURCE_FAILURE_LIMIT = 20;
export const SIGN_IN_SOURCE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Delete the rows of sources whose newest failure has left the window: they no longer hold
 * anyone back. Run by the launcher as the owner, with import housekeeping; returns how many went.
 */
export async function signInFailuresHousekeeping(db: Database, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - SIGN_IN_SOURCE_WINDOW_MS);
  const gone = await db.execute(
    sql`delete from sign_in_failures where last_failure_at <= ${cutoff.toISOString()}::timestamptz returning 1`,
  );
  return gone.length;
}

import { createHash, createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { onlyRow, SIGN_IN_SOURCE_FAILURE_LIMIT, SIGN_IN_SOURCE_WINDOW_MS, type Database } from '@tally/db';

/**
 * Failed sign-ins per source address (docs/security.md "Sign-in"), counted in PostgreSQL so
 * that every server process (one worker per core, docs/decisions/0024-one-worker-per-core.md)
 * holds the one limit: 20 in any 15 minutes, then that address is refused (429) until the
 * oldest ages out. Per account, the lockout in `users` applies (5 failures, 15 minutes).
 * Successful sign-ins do not count, so an office behind one NAT address is not held back by
 * its own clerks signing in each morning.
 *
 * The table (`sign_in_failures`) is read before any actor exists; the app role reaches it
 * only through two SECURITY DEFINER functions (docs/decisions/0001-sign-in-under-rls.md).
 * It never holds the address: the key is an HMAC of it under a secret every server process
 * of one installation shares (see `sourceKeySecret`).
 */
export const SOURCE_FAILURE_LIMIT = SIGN_IN_SOURCE_FAILURE_LIMIT;
export const SOURCE_WINDOW_MS = SIGN_IN_SOURCE_WINDOW_MS;

const reservedRow = z.object({ reserved: z.boolean() });

export class SignInThrottle {
  constructor(
    /** The HMAC key of source addresses: the same in every process that must share the count. */
    private readonly secret: () => Buffer,
    private readonly limit = SOURCE_FAILURE_LIMIT,
    private readonly windowMs = SOURCE_WINDOW_MS,
  ) {}

  /** What the table stores for an address: 32 hex digits of its HMAC, never the address. */
  sourceKey(source: string): string {
    return createHmac('sha256', this.secret()).update(source).digest('hex').slice(0, 32);
  }

  /**
   * Reserve an attempt for `source`; false when it is over the limit. The reservation counts
   * at once (one upsert on the source's row, which locks it), so requests racing in parallel,
   * in this process or another, cannot all slip under the limit; `succeeded` gives it back.
   */
  async begin(db: Database, source: string, now: Date): Promise<boolean> {
    const rows = await db.execute(
      sql`select auth_sign_in_reserve(${this.sourceKey(source)}, ${now.toISOString()}::timestamptz, ${this.limit}, ${`${this.windowMs} milliseconds`}::interval) as reserved`,
    );
    return onlyRow(rows, reservedRow).reserved;
  }

  /** The sign-in that `begin` reserved at `now` succeeded: it does not count as a failure. */
  async succeeded(db: Database, source: string, now: Date): Promise<void> {
    await db.execute(sql`select auth_sign_in_give_back(${this.sourceKey(source)}, ${now.toISOString()}::timestamptz)`);
  }
}

let secret: Buffer | null = null;

/**
 * The key of source addresses, derived from the app role's database password (a secret every
 * server process of this installation holds, and nothing outside it): the same in every
 * worker and across restarts, so the count survives a restart of the server.
 */
function sourceKeySecret(): Buffer {
  if (!secret) {
    const url = process.env.APP_DATABASE_URL;
    if (!url) throw new Error('APP_DATABASE_URL is not set: start the app with `npm start`');
    secret = createHash('sha256').update('tally sign-in source key\0').update(new URL(url).password).digest();
  }
  return secret;
}

/** The server's throttle: every process derives the same key, so all count in one place. */
export const signInThrottle = new SignInThrottle(sourceKeySecret);

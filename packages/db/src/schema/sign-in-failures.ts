import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Platform table, not a tenant table: failed sign-ins per source address, shared by every
 * server process (docs/security.md "Sign-in", docs/decisions/0024-one-worker-per-core.md).
 * Read and written before any actor exists, so like `account_directory` the app role has no
 * privilege on it: it goes through the SECURITY DEFINER functions `auth_sign_in_reserve` and
 * `auth_sign_in_give_back` (migration sign-in-failures-functions). RLS is enabled and forced
 * with no policy, so even a grant by mistake shows nothing.
 *
 * `source_key` is an HMAC of the address (never the address itself); `failures` holds the
 * times of the failures still inside the window, at most the limit, so a row stays small.
 * Housekeeping deletes a row whose newest failure has left the window.
 */
export const signInFailures = pgTable('sign_in_failures', {
  sourceKey: text('source_key').primaryKey(),
  failures: timestamp('failures', { withTimezone: true }).array().notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
});

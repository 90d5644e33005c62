import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Platform table, not a tenant table: maps a login name to its county so that
 * sign-in knows which tenant to open. The app role has no privilege on it;
 * it is maintained by a trigger on users and read only through the
 * SECURITY DEFINER function auth_resolve_login() (migration 0002). Under Citus
 * it would be a reference table.
 */
export const accountDirectory = pgTable('account_directory', {
  loginName: text('login_name').primaryKey(),
  countyId: integer('county_id').notNull(),
});

import { sql } from 'drizzle-orm';
import { char, integer, pgPolicy, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { appRole, sameCounty } from './rls.ts';

/** One row per tenant. Provisioned by the platform operator (owner connection), read-only to the app. */
export const counties = pgTable(
  'counties',
  {
    countyId: integer('county_id').primaryKey(),
    /** First 6 digits of the statistical division code. */
    code: char('code', { length: 6 }).notNull().unique(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [pgPolicy('counties_read', { for: 'select', to: appRole, using: sameCounty(t.countyId) })],
).enableRLS();

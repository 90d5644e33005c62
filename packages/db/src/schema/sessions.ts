import { sql } from 'drizzle-orm';
import {
  customType,
  foreignKey,
  index,
  integer,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';
import { appRole, currentSessionId, currentUserId, roleIn, sameCounty } from './rls.ts';

const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value),
  fromDriver: (value) => new Uint8Array(value),
});

/** Lucia-style sessions: the id is public, only sha256(secret) is stored. */
export const sessions = pgTable(
  'sessions',
  {
    countyId: integer('county_id').notNull(),
    id: text('id').notNull(),
    userId: uuid('user_id').notNull(),
    secretHash: bytea('secret_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('sessions_user_idx').on(t.countyId, t.userId),
    foreignKey({ columns: [t.countyId, t.userId], foreignColumns: [users.countyId, users.id] }).onDelete('cascade'),
    pgPolicy('sessions_own', {
      for: 'all',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${t.userId} = ${currentUserId}`,
      withCheck: sql`${sameCounty(t.countyId)} and ${t.userId} = ${currentUserId}`,
    }),
    // Validating a cookie: only the session presented, before the actor is known.
    pgPolicy('sessions_presented', {
      for: 'all',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${t.id} = ${currentSessionId}`,
      withCheck: sql`${sameCounty(t.countyId)} and ${t.id} = ${currentSessionId}`,
    }),
    // Disabling a user or resetting a password ends that user's sessions
    // (a DELETE with a WHERE must also pass a SELECT policy).
    pgPolicy('sessions_admin_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin', 'security_admin')}`,
    }),
    pgPolicy('sessions_admin_revoke', {
      for: 'delete',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin', 'security_admin')}`,
    }),
  ],
).enableRLS();

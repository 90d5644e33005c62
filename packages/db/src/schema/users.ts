import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  integer,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { units } from './units.ts';
import { appRole, currentLoginName, currentUserId, inScope, sameCounty, userMay } from './rls.ts';

export const users = pgTable(
  'users',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    /** Globally unique (see account_directory); what the user types to sign in. */
    loginName: text('login_name').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', {
      enum: ['county_admin', 'county_staff', 'township_staff', 'village_staff', 'security_admin', 'auditor'],
    }).notNull(),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    unique('users_county_login_key').on(t.countyId, t.loginName),
    foreignKey({ columns: [t.countyId, t.unitCode], foreignColumns: [units.countyId, units.code] }),
    // Everyone may read their own row (home page) and users in scope.
    pgPolicy('users_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and (${t.id} = ${currentUserId} or ${inScope(t.unitCode)})`,
    }),
    // Sign-in: before there is an actor, only the row of the login name being tried.
    pgPolicy('users_sign_in', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${t.loginName} = ${currentLoginName}`,
    }),
    pgPolicy('users_sign_in_update', {
      for: 'update',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${t.loginName} = ${currentLoginName}`,
      withCheck: sql`${sameCounty(t.countyId)} and ${t.loginName} = ${currentLoginName}`,
    }),
    // Creating an account is granting its role: users_may() is the rule table (migration 0016).
    pgPolicy('users_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${inScope(t.unitCode)} and ${userMay('grant', t.role)}`,
    }),
    // Own row: password changes. Admins: rows of the roles they manage at all, in scope.
    // What an update may change (role, unit, disabled, password) needs the old row too:
    // that is the trigger users_guard_update (migration 0016), not a policy.
    pgPolicy('users_update', {
      for: 'update',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and (${t.id} = ${currentUserId} or (${inScope(t.unitCode)} and ${userMay('manage', t.role)}))`,
      withCheck: sql`${sameCounty(t.countyId)} and (${t.id} = ${currentUserId} or (${inScope(t.unitCode)} and ${userMay('manage', t.role)}))`,
    }),
  ],
).enableRLS();

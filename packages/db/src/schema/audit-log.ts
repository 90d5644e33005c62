import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, roleIn, sameCounty } from './rls.ts';

/**
 * Append-only: the app role is granted INSERT and SELECT only (migration 0002),
 * so no request can rewrite history even with a bug in a policy.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    countyId: integer('county_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    actorUserId: uuid('actor_user_id'),
    actorLogin: text('actor_login'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    ip: text('ip'),
    detail: jsonb('detail'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('audit_log_at_idx').on(t.countyId, t.at),
    pgPolicy('audit_log_append', { for: 'insert', to: appRole, withCheck: sameCounty(t.countyId) }),
    pgPolicy('audit_log_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn('auditor')}`,
    }),
  ],
).enableRLS();

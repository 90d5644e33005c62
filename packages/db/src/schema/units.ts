import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
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
import { counties } from './counties.ts';
import { appRole, currentScope, inScope, roleIn, sameCounty } from './rls.ts';

/**
 * County → township → village. `code` is the 12-digit statistical division code,
 * which is already a path: scope "this unit and below" is a prefix match.
 */
export const units = pgTable(
  'units',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    code: varchar('code', { length: 12 }).notNull(),
    level: text('level', { enum: ['county', 'township', 'village'] }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    unique('units_county_code_key').on(t.countyId, t.code),
    index('units_code_prefix_idx').using('btree', t.countyId, sql`${t.code} text_pattern_ops`),
    foreignKey({ columns: [t.countyId], foreignColumns: [counties.countyId] }),
    foreignKey({ columns: [t.countyId, t.parentCode], foreignColumns: [t.countyId, t.code] }),
    pgPolicy('units_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${inScope(t.code)}`,
    }),
    // The units above the actor's own (its township and county) by name: a village escalates
    // a case to them and a notice names them as supervisor. Names only matter here; every
    // list of units still filters to the actor's scope (units.tree), and nothing else of
    // the units above is readable through another table.
    pgPolicy('units_read_above', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${t.code} in (rpad(left(${currentScope}, 6), 12, '0'), rpad(left(${currentScope}, 9), 12, '0'))`,
    }),
    pgPolicy('units_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${inScope(t.code)} and ${roleIn('county_admin')}`,
    }),
    pgPolicy('units_update', {
      for: 'update',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${inScope(t.code)} and ${roleIn('county_admin')}`,
      withCheck: sql`${sameCounty(t.countyId)} and ${inScope(t.code)} and ${roleIn('county_admin')}`,
    }),
  ],
).enableRLS();

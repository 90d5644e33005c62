import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { appRole, inScope, roleIn, sameCounty } from './rls.ts';
import { caseDataRoles } from './roles.ts';
import { aggregateSources } from '../assessment/aggregate-sources.ts';

/**
 * Per unit and month, how many records of each source the assessment counts
 * (docs/decisions/0010-dashboard-aggregates.md). Kept current in the same transaction as the
 * change by statement-level triggers on the base tables (migration dashboard-aggregates), which
 * run as the owner: the app role may read these rows, under the same scope as the records, but
 * never write them.
 */
export const unitMonthFacts = pgTable(
  'unit_month_facts',
  {
    countyId: integer('county_id').notNull(),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    /** First day of the month (Asia/Shanghai for petitions' receipt). */
    month: date('month').notNull(),
    source: text('source', { enum: aggregateSources }).notNull(),
    /** Level, register or the grouping the source names; '' when none. */
    variant: text('variant').notNull().default(''),
    /** Records counted. */
    n: integer('n').notNull().default(0),
    /** Summed count (person-times of absence); equals n for the others. */
    total: bigint('total', { mode: 'number' }).notNull().default(0),
    /** duty_logs only: bit d−1 set when day d of the month has a duty record. */
    days: integer('days').notNull().default(0),
    /** When this row last changed: the dashboard's "as of". */
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    // Month before unit: a page reads one county's months, every unit of a scope at once.
    // No CHECK on the counts: a trigger's upsert proposes negative deltas, and PostgreSQL checks the proposed row before it finds the conflict.
    primaryKey({ columns: [t.countyId, t.month, t.unitCode, t.source, t.variant] }),
    // A ranking reads the ranked units' own sources and the area's petitions as two ranges of this.
    index('unit_month_facts_source_unit_month_idx').on(t.countyId, t.source, t.unitCode, t.month),
    check('unit_month_facts_source_check', sql.raw(`source in (${aggregateSources.map((s) => `'${s}'`).join(', ')})`)),
    pgPolicy('unit_month_facts_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)}`,
    }),
  ],
);

/**
 * The county's dashboard data version (docs/decisions/0018-dashboard-result-cache.md): one row
 * per county, bumped once per statement by statement-level triggers on every table a ranking or
 * score trend reads (`dashboardInputTables`), in the same transaction as the change. A result
 * computed after reading version v reflects every change up to v, so a cache keyed by it is never
 * stale. Written only by the trigger function (owner); the app role may read its own county's row.
 */
export const dashboardDataVersions = pgTable(
  'dashboard_data_versions',
  {
    countyId: integer('county_id').primaryKey(),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    /** When a dashboard input of the county last changed. */
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    pgPolicy('dashboard_data_versions_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)}`,
    }),
  ],
);

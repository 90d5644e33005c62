import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { codeCheck } from './code-check.ts';
import { units } from './units.ts';
import { appRole, belowScope, inScope, roleIn, sameCounty } from './rls.ts';
import { caseDataRoles } from './roles.ts';
import {
  assessmentPeriods,
  checkingEventKinds,
  inspectionComponents,
  rankedLevels,
  ruleSetStatuses,
} from '../assessment/vocabulary.ts';

/*
 * Assessment (docs/assessment.md). Facts are not stored: they are
 * derived from the records on demand (see apps/web/app/.server/assessment). What is stored
 * here is what no other record holds: rule sets, inspection scores, the checking unit's
 * register of events, and the immutable snapshots of published results.
 */

/**
 * A county's rule set for a year. At most one draft per county and year; a published row is
 * never updated again (the update policy only reaches drafts), so a published result can always
 * be re-read against the exact rules that produced it. `content_hash` is sha-256 of the
 * canonical JSON: two contents never share an identity.
 */
export const assessmentRuleSets = pgTable(
  'assessment_rule_sets',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    year: integer('year').notNull(),
    status: text('status', { enum: ruleSetStatuses }).notNull(),
    content: jsonb('content').notNull(),
    contentHash: text('content_hash').notNull(),
    version: integer('version').notNull().default(0),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    uniqueIndex('assessment_rule_sets_one_draft').on(t.countyId, t.year).where(sql`status = 'draft'`),
    uniqueIndex('assessment_rule_sets_published_hash')
      .on(t.countyId, t.year, t.contentHash)
      .where(sql`status = 'published'`),
    codeCheck('assessment_rule_sets_status_check', 'status', ruleSetStatuses),
    check('assessment_rule_sets_year_check', sql`year between 2000 and 2100`),
    // Published schemes are public inside the county; drafts only to the county office.
    pgPolicy('assessment_rule_sets_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and (${roleIn('county_admin', 'county_staff')} or (${t.status} = 'published' and ${roleIn(...caseDataRoles)}))`,
    }),
    pgPolicy('assessment_rule_sets_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')} and ${t.status} = 'draft'`,
    }),
    pgPolicy('assessment_rule_sets_update', {
      for: 'update',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')} and ${t.status} = 'draft'`,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')}`,
    }),
    pgPolicy('assessment_rule_sets_delete', {
      for: 'delete',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')} and ${t.status} = 'draft'`,
    }),
  ],
).enableRLS();

/**
 * Inspection scores (0–100) entered by the checking unit: the county for townships, a township
 * for its villages. Insert-only: a correction is a new row with the next version and a reason;
 * the score in force is the highest version of (unit, year, component, period).
 */
export const inspectionScores = pgTable(
  'inspection_scores',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    year: integer('year').notNull(),
    component: text('component', { enum: inspectionComponents }).notNull(),
    /** Routine checks: the month (1–12). Half-year and year-end: 1. */
    periodNo: integer('period_no').notNull(),
    score: numeric('score', { precision: 5, scale: 2 }).notNull(),
    version: integer('version').notNull().default(1),
    reason: text('reason'),
    enteredByUnit: varchar('entered_by_unit', { length: 12 }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    uniqueIndex('inspection_scores_version_key').on(t.countyId, t.unitCode, t.year, t.component, t.periodNo, t.version),
    foreignKey({ columns: [t.countyId, t.unitCode], foreignColumns: [units.countyId, units.code] }),
    codeCheck('inspection_scores_component_check', 'component', inspectionComponents),
    check('inspection_scores_score_check', sql`score between 0 and 100`),
    check(
      'inspection_scores_period_check',
      sql`(component = 'routine' and period_no between 1 and 12) or (component <> 'routine' and period_no = 1)`,
    ),
    check('inspection_scores_version_check', sql`version >= 1 and (version = 1 or reason is not null)`),
    pgPolicy('inspection_scores_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)}`,
    }),
    // Only a unit above enters a unit's score: nobody scores themselves.
    pgPolicy('inspection_scores_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin', 'county_staff', 'township_staff')} and ${belowScope(t.unitCode)}`,
    }),
  ],
).enableRLS();

/**
 * The checking unit's register of events no ledger holds: night-duty findings, commendations,
 * preventable cases and one-vote-veto incidents. Entered by a unit above the assessed unit,
 * withdrawn by soft delete (audited), never typed by the unit it counts against.
 */
export const checkingEvents = pgTable(
  'checking_events',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    kind: text('kind', { enum: checkingEventKinds }).notNull(),
    level: text('level'),
    occurredOn: date('occurred_on').notNull(),
    /** What happened, in the checking unit's words; no personal data (the form says so). */
    description: text('description').notNull(),
    /** Reference to the paper or file behind it (文号, file number). */
    attachmentRef: text('attachment_ref'),
    enteredByUnit: varchar('entered_by_unit', { length: 12 }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedReason: text('deleted_reason'),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('checking_events_unit_idx').using('btree', t.countyId, sql`${t.unitCode} text_pattern_ops`, t.occurredOn),
    foreignKey({ columns: [t.countyId, t.unitCode], foreignColumns: [units.countyId, units.code] }),
    codeCheck('checking_events_kind_check', 'kind', checkingEventKinds),
    pgPolicy('checking_events_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)}`,
    }),
    pgPolicy('checking_events_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin', 'county_staff', 'township_staff')} and ${belowScope(t.unitCode)}`,
    }),
    pgPolicy('checking_events_update', {
      for: 'update',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin', 'county_staff', 'township_staff')} and ${belowScope(t.unitCode)}`,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin', 'county_staff', 'township_staff')} and ${belowScope(t.unitCode)}`,
    }),
  ],
).enableRLS();

/**
 * A published result: the ranking of the units directly under `scope_code` (townships under
 * the county, or villages under one township) for a year's period. Insert-only; a correction
 * is a new row naming the one it supersedes and why.
 */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    year: integer('year').notNull(),
    period: text('period', { enum: assessmentPeriods }).notNull(),
    /** The unit whose children are ranked. */
    scopeCode: varchar('scope_code', { length: 12 }).notNull(),
    rankedLevel: text('ranked_level', { enum: rankedLevels }).notNull(),
    ruleSetId: uuid('rule_set_id').notNull(),
    ruleSetHash: text('rule_set_hash').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    periodClosed: boolean('period_closed').notNull(),
    /** The records were read as of this instant. */
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by').notNull(),
    publishedByName: text('published_by_name').notNull(),
    supersedes: uuid('supersedes'),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('assessment_results_period_idx').on(t.countyId, t.year, t.period, t.scopeCode, t.asOf),
    foreignKey({
      columns: [t.countyId, t.ruleSetId],
      foreignColumns: [assessmentRuleSets.countyId, assessmentRuleSets.id],
    }),
    foreignKey({ columns: [t.countyId, t.scopeCode], foreignColumns: [units.countyId, units.code] }),
    codeCheck('assessment_results_period_check', 'period', assessmentPeriods),
    codeCheck('assessment_results_level_check', 'ranked_level', rankedLevels),
    check('assessment_results_correction_check', sql`supersedes is null or reason is not null`),
    pgPolicy('assessment_results_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)}`,
    }),
    pgPolicy('assessment_results_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')}`,
    }),
  ],
).enableRLS();

/**
 * One line per ranked unit of a published result: name, score and rank only. The township
 * ranking is readable by every township (names and scores, docs/assessment.md); a village ranking by
 * its township and the county.
 */
export const assessmentRankings = pgTable(
  'assessment_rankings',
  {
    countyId: integer('county_id').notNull(),
    resultId: uuid('result_id').notNull(),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    scopeCode: varchar('scope_code', { length: 12 }).notNull(),
    rankedLevel: text('ranked_level', { enum: rankedLevels }).notNull(),
    unitName: text('unit_name').notNull(),
    finalMilli: bigint('final_milli', { mode: 'number' }).notNull(),
    rank: integer('rank').notNull(),
    vetoed: boolean('vetoed').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.resultId, t.unitCode] }),
    foreignKey({
      columns: [t.countyId, t.resultId],
      foreignColumns: [assessmentResults.countyId, assessmentResults.id],
    }),
    codeCheck('assessment_rankings_level_check', 'ranked_level', rankedLevels),
    pgPolicy('assessment_rankings_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and (${inScope(t.scopeCode)} or (${t.rankedLevel} = 'township' and ${roleIn('township_staff')}))`,
    }),
    pgPolicy('assessment_rankings_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')}`,
    }),
  ],
).enableRLS();

/** The full assessment of one unit in a published result: every line with its rule and facts. */
export const assessmentBreakdowns = pgTable(
  'assessment_breakdowns',
  {
    countyId: integer('county_id').notNull(),
    resultId: uuid('result_id').notNull(),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    assessment: jsonb('assessment').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.resultId, t.unitCode] }),
    foreignKey({
      columns: [t.countyId, t.resultId],
      foreignColumns: [assessmentResults.countyId, assessmentResults.id],
    }),
    pgPolicy('assessment_breakdowns_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)}`,
    }),
    pgPolicy('assessment_breakdowns_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')}`,
    }),
  ],
).enableRLS();

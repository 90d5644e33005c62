import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  jsonb,
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
import { appRole, currentUnitCode, inScope, roleIn, sameCounty } from './rls.ts';
import { caseDataRoles } from './roles.ts';
import { IMMEDIATE_EVENT_KINDS } from '@tally/reporting';
import {
  reportKinds,
  reportStates,
  reportingLevels,
  reviewOutcomes,
  type ReportNarrative,
} from '../reports/vocabulary.ts';

/*
 * Reports upward (docs/domain.md §5, docs/reports.md). A village files to its township, a township to
 * the county. The unit files its own report; the unit directly above reads it and accepts or
 * returns it; the county reads every report of its county; nobody reads a sibling's.
 */

/** Roles that file and review reports: the case-data roles (never security_admin or auditor). */
const reportRoles = roleIn(...caseDataRoles);

/** Which level files which kind, with how many days' grace, per county and year (data the county may edit). */
export const reportObligations = pgTable(
  'report_obligations',
  {
    countyId: integer('county_id').notNull(),
    year: integer('year').notNull(),
    level: text('level', { enum: reportingLevels }).notNull(),
    kind: text('kind', { enum: reportKinds }).notNull(),
    graceDays: integer('grace_days').notNull().default(3),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.year, t.level, t.kind] }),
    codeCheck('report_obligations_level_check', 'level', reportingLevels),
    codeCheck('report_obligations_kind_check', 'kind', reportKinds),
    check('report_obligations_grace_check', sql`grace_days between 0 and 31`),
    check('report_obligations_year_check', sql`year between 2000 and 2100`),
    pgPolicy('report_obligations_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${reportRoles}`,
    }),
    pgPolicy('report_obligations_write', {
      for: 'all',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')}`,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')}`,
    }),
  ],
).enableRLS();

/**
 * One report per unit × kind × period. The draft lives here (figures and narrative being
 * edited); every filed version is a row of report_versions. `version` is the optimistic lock:
 * every write checks and bumps it. `parent_code` is the unit the report is filed to.
 */
export const reports = pgTable(
  'reports',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }).notNull(),
    kind: text('kind', { enum: reportKinds }).notNull(),
    periodKey: text('period_key').notNull(),
    state: text('state', { enum: reportStates }).notNull().default('draft'),
    zero: boolean('zero').notNull().default(false),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull().default({}),
    narrative: jsonb('narrative').$type<ReportNarrative>().notNull(),
    version: integer('version').notNull().default(0),
    /** Number of the standing filed version (0: never filed). */
    filedVersionNo: integer('filed_version_no').notNull().default(0),
    /** The instant the standing version was filed: what decides on time or late. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    everReturned: boolean('ever_returned').notNull().default(false),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    uniqueIndex('reports_unit_kind_period_key').on(t.countyId, t.unitCode, t.kind, t.periodKey),
    foreignKey({ columns: [t.countyId, t.unitCode], foreignColumns: [units.countyId, units.code] }),
    foreignKey({ columns: [t.countyId, t.parentCode], foreignColumns: [units.countyId, units.code] }),
    codeCheck('reports_kind_check', 'kind', reportKinds),
    codeCheck('reports_state_check', 'state', reportStates),
    check(
      'reports_filed_check',
      sql`(state = 'draft') = (filed_version_no = 0) and (filed_version_no = 0) = (submitted_at is null)`,
    ),
    // Own reports always; a report below only once filed (a draft is the unit's own business).
    pgPolicy('reports_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${reportRoles} and (${t.unitCode} = ${currentUnitCode} or (${inScope(t.unitCode)} and ${t.state} <> 'draft'))`,
    }),
    pgPolicy('reports_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${t.unitCode} = ${currentUnitCode} and ${t.state} = 'draft'`,
    }),
    // The filing unit edits and files its own report while it is a draft or returned.
    pgPolicy('reports_update_own', {
      for: 'update',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${t.unitCode} = ${currentUnitCode} and ${t.state} in ('draft', 'returned')`,
      withCheck: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${t.unitCode} = ${currentUnitCode} and ${t.state} in ('draft', 'returned', 'submitted')`,
    }),
    // The unit directly above accepts or returns a filed report.
    pgPolicy('reports_update_review', {
      for: 'update',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${t.parentCode} = ${currentUnitCode} and ${t.state} = 'submitted'`,
      withCheck: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${t.parentCode} = ${currentUnitCode} and ${t.state} in ('accepted', 'returned')`,
    }),
  ],
).enableRLS();

/**
 * Every filed version of a report, immutable: the figures and narrative as filed (a trigger
 * refuses any change to them). The review (accept or return with a comment) is written once
 * onto the version by the unit above. `draft_version` is the report version the filing was made
 * from: a second request filing the same draft version finds the first one (idempotent submit).
 */
export const reportVersions = pgTable(
  'report_versions',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    reportId: uuid('report_id').notNull(),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }).notNull(),
    versionNo: integer('version_no').notNull(),
    draftVersion: integer('draft_version').notNull(),
    zero: boolean('zero').notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    narrative: jsonb('narrative').$type<ReportNarrative>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedByName: text('submitted_by_name').notNull(),
    reviewOutcome: text('review_outcome', { enum: reviewOutcomes }),
    reviewComment: text('review_comment'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    uniqueIndex('report_versions_number_key').on(t.countyId, t.reportId, t.versionNo),
    uniqueIndex('report_versions_draft_key').on(t.countyId, t.reportId, t.draftVersion),
    foreignKey({ columns: [t.countyId, t.reportId], foreignColumns: [reports.countyId, reports.id] }),
    check(
      'report_versions_review_check',
      sql`(review_outcome is null) = (reviewed_at is null) and (review_outcome is distinct from 'returned' or length(trim(review_comment)) > 0)`,
    ),
    pgPolicy('report_versions_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${inScope(t.unitCode)}`,
    }),
    pgPolicy('report_versions_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${t.unitCode} = ${currentUnitCode} and ${t.reviewedAt} is null`,
    }),
    pgPolicy('report_versions_review', {
      for: 'update',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${t.parentCode} = ${currentUnitCode} and ${t.reviewedAt} is null`,
      withCheck: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${t.parentCode} = ${currentUnitCode} and ${t.reviewedAt} is not null`,
    }),
  ],
).enableRLS();

/**
 * 第一时间报告: a major event reported by the unit where it happened, read at once by every unit
 * above it (township and county). Insert-only: what was reported, and when, is the record.
 * `reported_at` is the server's instant of filing; `known_at` is when the unit learned of it.
 * The summary is the unit's account of the event; the form asks for no personal data.
 */
export const immediateReports = pgTable(
  'immediate_reports',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    eventKind: text('event_kind', { enum: IMMEDIATE_EVENT_KINDS }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    knownAt: timestamp('known_at', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    reportedBy: uuid('reported_by').notNull(),
    reportedByName: text('reported_by_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.unitCode], foreignColumns: [units.countyId, units.code] }),
    codeCheck('immediate_reports_kind_check', 'event_kind', IMMEDIATE_EVENT_KINDS),
    check('immediate_reports_order_check', sql`occurred_at <= known_at and known_at <= reported_at`),
    pgPolicy('immediate_reports_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${inScope(t.unitCode)}`,
    }),
    pgPolicy('immediate_reports_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${reportRoles} and ${t.unitCode} = ${currentUnitCode}`,
    }),
  ],
).enableRLS();

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  CASE_ACTIONS,
  CASE_CATEGORIES,
  CASE_CHANNELS,
  CASE_STATUSES,
  COMPLEXITIES,
  SATISFACTIONS,
} from '@tally/casework';
import { units } from './units.ts';
import { codeCheck } from './code-check.ts';
import { appRole, inScope, roleIn, sameCounty } from './rls.ts';
import { caseDataRoles } from './roles.ts';

/**
 * A petition case (信访件). `unit_code` is the unit handling it now; it moves
 * on escalation and downward assignment. `registered_unit_code` is where it
 * was taken in, which keeps the case visible to the unit that registered it.
 */
export const petitionCases = pgTable(
  'petition_cases',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    caseNumber: text('case_number').notNull(),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    registeredUnitCode: varchar('registered_unit_code', { length: 12 }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    channel: text('channel', { enum: CASE_CHANNELS }).notNull(),
    peopleCount: integer('people_count').notNull().default(1),
    personTimes: integer('person_times').notNull().default(1),
    skipLevel: boolean('skip_level').notNull().default(false),
    repeatPetition: boolean('repeat_petition').notNull().default(false),
    /** Set when the same matter was already registered: the unique-case (纯件数) count skips it. */
    duplicateOf: uuid('duplicate_of'),
    category: text('category', { enum: CASE_CATEGORIES }).notNull(),
    summary: text('summary').notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    /** The workflow state as @tally/casework models it; the columns around it are its indexed projection. */
    state: jsonb('state').notNull(),
    /** Set when the case was assigned to a unit below the handling unit (交办): that unit works on it. */
    assignedUnitCode: varchar('assigned_unit_code', { length: 12 }),
    complexity: text('complexity', { enum: COMPLEXITIES }),
    assignedPerson: text('assigned_person'),
    assignedOn: date('assigned_on'),
    dueOn: date('due_on'),
    /** When the clock that is running now runs out (assignment, then handling); null once replied or with no limit. */
    clockDueOn: date('clock_due_on'),
    satisfaction: text('satisfaction', { enum: SATISFACTIONS }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // 六定 responsibility, and flagged supervision (挂牌督办).
    leadLeader: text('lead_leader'),
    responsibleUnit: text('responsible_unit'),
    responsiblePerson: text('responsible_person'),
    supervisingUnit: text('supervising_unit'),
    supervisor: text('supervisor'),
    responsibilityDeadline: date('responsibility_deadline'),
    flagged: boolean('flagged').notNull().default(false),
    // Personal data (§8): shown in full only to the handling unit.
    petitionerName: text('petitioner_name').notNull(),
    petitionerIdNumber: text('petitioner_id_number'),
    petitionerPhone: text('petitioner_phone'),
    petitionerAddress: text('petitioner_address'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Optimistic concurrency: every transition bumps it. */
    version: integer('version').notNull().default(0),
    /** Set when the case came from a petition-ledger import: the row's fingerprint and its batch (null for desk intake). */
    importFingerprint: text('import_fingerprint'),
    importId: uuid('import_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    unique('petition_cases_number_key').on(t.countyId, t.caseNumber),
    index('petition_cases_unit_idx').using('btree', t.countyId, sql`${t.unitCode} text_pattern_ops`, t.receivedAt),
    index('petition_cases_registered_unit_idx').using(
      'btree',
      t.countyId,
      sql`${t.registeredUnitCode} text_pattern_ops`,
    ),
    index('petition_cases_due_idx').on(t.countyId, t.dueOn),
    index('petition_cases_clock_due_idx').on(t.countyId, t.clockDueOn),
    // Importing the same ledger row twice at a unit adds nothing. Keyed on the registering
    // unit, which never changes, not on unit_code, which moves on escalation.
    unique('petition_cases_import_key').on(t.countyId, t.registeredUnitCode, t.importFingerprint),
    foreignKey({ columns: [t.countyId, t.unitCode], foreignColumns: [units.countyId, units.code] }),
    foreignKey({ columns: [t.countyId, t.registeredUnitCode], foreignColumns: [units.countyId, units.code] }),
    // The vocabulary of @tally/casework (case-vocabulary.ts), enforced by the database too.
    codeCheck('petition_cases_channel_check', 'channel', CASE_CHANNELS),
    codeCheck('petition_cases_category_check', 'category', CASE_CATEGORIES),
    codeCheck('petition_cases_status_check', 'status', CASE_STATUSES),
    codeCheck('petition_cases_complexity_check', 'complexity', COMPLEXITIES),
    codeCheck('petition_cases_satisfaction_check', 'satisfaction', SATISFACTIONS),
    pgPolicy('petition_cases_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and (${inScope(t.unitCode)} or ${inScope(t.registeredUnitCode)} or ${inScope(t.assignedUnitCode)})`,
    }),
    pgPolicy('petition_cases_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)} and ${inScope(t.registeredUnitCode)}`,
    }),
    // Escalation moves unit_code up and out of a village's scope: the registering unit keeps its hold.
    pgPolicy('petition_cases_update', {
      for: 'update',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and (${inScope(t.unitCode)} or ${inScope(t.registeredUnitCode)} or ${inScope(t.assignedUnitCode)})`,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and (${inScope(t.unitCode)} or ${inScope(t.registeredUnitCode)} or ${inScope(t.assignedUnitCode)})`,
    }),
  ],
).enableRLS();

/** Every transition of a case, append-only (INSERT and SELECT grants only): who, when, from, to, note. */
export const caseTransitions = pgTable(
  'case_transitions',
  {
    countyId: integer('county_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    caseId: uuid('case_id').notNull(),
    /** Denormalised from the case at the time, so the policy needs no join. */
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    registeredUnitCode: varchar('registered_unit_code', { length: 12 }).notNull(),
    assignedUnitCode: varchar('assigned_unit_code', { length: 12 }),
    action: text('action', { enum: CASE_ACTIONS }).notNull(),
    fromStatus: text('from_status', { enum: CASE_STATUSES }),
    toStatus: text('to_status', { enum: CASE_STATUSES }).notNull(),
    actorUserId: uuid('actor_user_id').notNull(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
    detail: jsonb('detail'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('case_transitions_case_idx').on(t.countyId, t.caseId, t.id),
    foreignKey({ columns: [t.countyId, t.caseId], foreignColumns: [petitionCases.countyId, petitionCases.id] }),
    codeCheck('case_transitions_action_check', 'action', CASE_ACTIONS),
    codeCheck('case_transitions_from_status_check', 'from_status', CASE_STATUSES),
    codeCheck('case_transitions_to_status_check', 'to_status', CASE_STATUSES),
    pgPolicy('case_transitions_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and (${inScope(t.unitCode)} or ${inScope(t.registeredUnitCode)} or ${inScope(t.assignedUnitCode)})`,
    }),
    pgPolicy('case_transitions_append', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and (${inScope(t.unitCode)} or ${inScope(t.registeredUnitCode)} or ${inScope(t.assignedUnitCode)})`,
    }),
  ],
).enableRLS();

/**
 * Per county and year, the last case number handed out. Intake increments it
 * in the same transaction as the insert: the row lock serialises concurrent
 * intakes and a rollback gives the number back, so numbers have no gaps.
 */
export const caseCounters = pgTable(
  'case_counters',
  {
    countyId: integer('county_id').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.year] }),
    pgPolicy('case_counters_use', {
      for: 'all',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)}`,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)}`,
    }),
  ],
).enableRLS();

/** A county's working-day calendar for one year: holidays and make-up working days as data. */
export const workCalendars = pgTable(
  'work_calendars',
  {
    countyId: integer('county_id').notNull(),
    year: integer('year').notNull(),
    holidays: jsonb('holidays').$type<string[]>().notNull(),
    makeupWorkdays: jsonb('makeup_workdays').$type<string[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.year] }),
    pgPolicy('work_calendars_read', { for: 'select', to: appRole, using: sameCounty(t.countyId) }),
    pgPolicy('work_calendars_write', {
      for: 'all',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')}`,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn('county_admin')}`,
    }),
  ],
).enableRLS();

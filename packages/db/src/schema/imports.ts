import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { units } from './units.ts';
import { appRole, currentUnitCode, inScope, roleIn, sameCounty } from './rls.ts';
import { caseDataRoles } from './roles.ts';

/**
 * How the file was read, for the preview screen: the workbook's visible tabs and the one
 * read, the header row used, the first rows (where the clerk picks another header row),
 * how many valid rows carry warnings, and what the clerk chose (kept for the next re-run).
 */
export interface ImportReading {
  sheets: string[];
  sheet: string | null;
  headerRow: number;
  topRows: { row: number; cells: string[] }[];
  warningRows: number;
  choice: { sheet?: string; headerRow?: number };
}

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Writes only at the actor's own unit: a unit's code is its scope padded with zeros
 * (county 130534 → 130534000000, township 130534100 → 130534100000), so "own unit" needs
 * no extra setting. A township reads its villages' batches but cannot commit them.
 */
const ownUnit = (unitCodeColumn: unknown) => sql`${unitCodeColumn} = ${currentUnitCode}`;

/**
 * The case numbers a petition commit reserved, per year of receipt: the block
 * `first … first + count - 1` of the county's sequence, taken from `case_counters` in a
 * short transaction of its own and filled by the commit's cases in file order
 * (docs/decisions/0020-petition-numbers-reserved-first.md). Set until the batch is
 * committed, it binds the batch: no cancel, no re-preview, and no other petition commit
 * of the unit until a commit of this batch has filled it.
 */
export type ReservedNumbers = Record<string, { first: number; count: number }>;

export const importStatuses = ['previewing', 'previewed', 'committing', 'committed', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/**
 * One uploaded file for one register at one unit. The file itself is kept (bytea) until
 * the batch is committed or cancelled so the user can change the column mapping and
 * re-run the preview without uploading again; the commit never re-parses it, it reads
 * the validated rows from import_rows, so what was previewed is exactly what is written.
 *
 * `committing` is written and committed before the commit's long transaction starts, so
 * every other session (a second click, the progress poll) sees it; the job holding the
 * batch's advisory lock is the proof that it is alive, and housekeeping turns a
 * `committing` batch nobody holds back into `previewed` (docs/decisions/0015-import-commit-jobs.md).
 */
export const importBatches = pgTable(
  'import_batches',
  {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    register: text('register').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }),
    byteSize: integer('byte_size').notNull(),
    fileBytes: bytea('file_bytes'),
    status: text('status', { enum: importStatuses }).notNull().default('previewing'),
    /** The mapping used for the staged rows: file headers, column → field, and the user's override if any. */
    headers: jsonb('headers').$type<string[]>(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    mappingOverride: jsonb('mapping_override').$type<Record<string, string | null>>(),
    reading: jsonb('reading').$type<ImportReading>(),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    duplicateRows: integer('duplicate_rows').notNull().default(0),
    /** A file-level refusal (unreadable, too many rows, bad mapping), both languages. */
    failure: jsonb('failure').$type<{ zh: string; en: string }>(),
    // Progress of the preview and of the commit, written in short transactions of their own so a poller sees it.
    progressPhase: text('progress_phase', { enum: ['parsing', 'staging', 'committing', 'numbering', 'done'] })
      .notNull()
      .default('parsing'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    insertedCount: integer('inserted_count'),
    skippedCount: integer('skipped_count'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    committedBy: uuid('committed_by'),
    reservedNumbers: jsonb('reserved_numbers').$type<ReservedNumbers>(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('import_batches_unit_idx').using('btree', t.countyId, sql`${t.unitCode} text_pattern_ops`, t.createdAt),
    foreignKey({ columns: [t.countyId, t.unitCode], foreignColumns: [units.countyId, units.code] }),
    check(
      'import_batches_status_check',
      sql`${t.status} in (${sql.raw(importStatuses.map((s) => `'${s}'`).join(', '))})`,
    ),
    pgPolicy('import_batches_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)}`,
    }),
    pgPolicy('import_batches_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${ownUnit(t.unitCode)}`,
    }),
    pgPolicy('import_batches_update', {
      for: 'update',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${ownUnit(t.unitCode)}`,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${ownUnit(t.unitCode)}`,
    }),
  ],
).enableRLS();

/**
 * Every data row of a previewed file with its outcome: `valid` rows carry their values
 * (a register's as `cells`, text in field order, cast to the columns by the commit's one
 * INSERT … SELECT; a petition's as `values` jsonb keyed by column) and fingerprint;
 * `error` rows their messages; `duplicate` rows repeat an earlier row of the same file.
 * The app role cannot COPY into a table under RLS: the preview COPYs into a temporary
 * table and moves the rows here with one INSERT … SELECT under the insert policy
 * (apps/web/app/.server/imports/staged-copy.ts).
 * `unit_code` is copied from the batch so the policies need no join.
 */
export const importRows = pgTable(
  'import_rows',
  {
    countyId: integer('county_id').notNull(),
    batchId: uuid('batch_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    outcome: text('outcome', { enum: ['valid', 'error', 'duplicate'] }).notNull(),
    /** A petition row's values, keyed by column (petition-commit.ts reads them by key). */
    values: jsonb('values').$type<Record<string, string | number | null>>(),
    /**
     * A register row's values as text, in the register's field order (registerDefs[key].fields):
     * the commit casts each to its column's type. Cheaper to write, store and read than jsonb.
     */
    cells: text('cells').array(),
    fingerprint: text('fingerprint'),
    /** An error row's errors; a valid row's warnings (implausible values the clerk must acknowledge), or null. */
    errors: jsonb('errors').$type<Array<{ column: string; field: string; zh: string; en: string }>>(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.batchId, t.rowNumber] }),
    // Pages of errors and duplicates; valid rows (most of a file) are walked in row order by the primary key.
    index('import_rows_refused_idx')
      .on(t.countyId, t.batchId, t.outcome, t.rowNumber)
      .where(sql`${t.outcome} <> 'valid'`),
    // No foreign key to import_batches (docs/decisions/0022-staged-rows-without-foreign-key.md): it was
    // checked per row, about 1.4 s of a 200,000-row preview. Rows are written only by the preview of a
    // batch it holds the job lock of; every path that ends a batch deletes its rows, and housekeeping
    // deletes rows whose batch row is gone.
    check('import_rows_outcome_check', sql`${t.outcome} in ('valid', 'error', 'duplicate')`),
    pgPolicy('import_rows_read', {
      for: 'select',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)}`,
    }),
    pgPolicy('import_rows_insert', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${ownUnit(t.unitCode)}`,
    }),
    // Re-running the preview with another mapping, and cancelling, replace a batch's rows.
    pgPolicy('import_rows_delete', {
      for: 'delete',
      to: appRole,
      using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${ownUnit(t.unitCode)}`,
    }),
  ],
).enableRLS();

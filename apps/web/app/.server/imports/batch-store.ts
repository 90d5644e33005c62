/**
 * Import batches in the database: create, stage the validated rows, read pages of the
 * preview, commit in one transaction, cancel. Every function runs inside the caller's
 * transaction (ctx.run), so RLS applies as the actor; the API's own filters
 * (scope for reads, own unit for writes) sit beside the policies.
 */
import { and, eq, sql, type AnyColumn } from 'drizzle-orm';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { countRow, onlyRow, schema, type Actor, type Transaction } from '@tally/db';
import { registerDefs, type RegisterKey } from '@tally/db/registers';
import { inActorScope } from '../services/unit-scope.ts';
import type { ImportKey } from './import-registers.ts';
import { stagedValuesOf } from './staged-rows.ts';
import { importDef } from './import-registers.ts';

const batches = schema.importBatches;
// existingCondition speaks of the staged row as `r`.
const r = alias(schema.importRows, 'r');
type RegisterTable = (typeof schema.registerTables)[RegisterKey];

/**
 * A staged row's cells as read back: through json, because the array's own text form
 * leaves a NULL element as the string 'NULL' once drizzle parses it.
 */
export function stagedCells(cells: AnyColumn) {
  return sql<(string | null)[] | null>`to_json(${cells})`;
}

/** Rows the preview hands over at a time, written to the staging COPY as one piece of text. */
export const STAGE_CHUNK = 5_000;
export const PAGE_SIZE = 50;

/** Every column of a batch except the uploaded file, which only a re-run of the preview reads. */
export const batchColumns = {
  id: batches.id,
  countyId: batches.countyId,
  unitCode: batches.unitCode,
  register: batches.register,
  fileName: batches.fileName,
  format: batches.format,
  byteSize: batches.byteSize,
  status: batches.status,
  headers: batches.headers,
  mapping: batches.mapping,
  mappingOverride: batches.mappingOverride,
  reading: batches.reading,
  totalRows: batches.totalRows,
  validRows: batches.validRows,
  errorRows: batches.errorRows,
  duplicateRows: batches.duplicateRows,
  failure: batches.failure,
  progressPhase: batches.progressPhase,
  progressDone: batches.progressDone,
  progressTotal: batches.progressTotal,
  insertedCount: batches.insertedCount,
  skippedCount: batches.skippedCount,
  createdBy: batches.createdBy,
  createdAt: batches.createdAt,
  committedAt: batches.committedAt,
  reservedNumbers: batches.reservedNumbers,
};

export type BatchRow = Omit<typeof batches.$inferSelect, 'fileBytes' | 'updatedAt' | 'committedBy'>;

export function registerTableName(key: RegisterKey): string {
  return getTableName(schema.registerTables[key]);
}

/** A batch the actor may read: same county, own unit or below. */
export async function findVisibleBatch(tx: Transaction, actor: Actor, id: string): Promise<BatchRow | null> {
  const [row] = await tx
    .select(batchColumns)
    .from(batches)
    .where(and(eq(batches.countyId, actor.countyId), eq(batches.id, id), inActorScope(batches.unitCode, actor)));
  return (row as BatchRow | undefined) ?? null;
}

/** A batch the actor may change: its own unit's only. `lock` serialises concurrent commits on the row. */
export async function findOwnBatch(tx: Transaction, actor: Actor, id: string, lock = false): Promise<BatchRow | null> {
  const query = tx
    .select(batchColumns)
    .from(batches)
    .where(and(eq(batches.countyId, actor.countyId), eq(batches.id, id), eq(batches.unitCode, actor.unitCode)));
  const [row] = lock ? await query.for('update') : await query;
  return (row as BatchRow | undefined) ?? null;
}

export async function readFileBytes(tx: Transaction, actor: Actor, id: string): Promise<Uint8Array | null> {
  const [row] = await tx
    .select({ fileBytes: batches.fileBytes })
    .from(batches)
    .where(and(eq(batches.countyId, actor.countyId), eq(batches.id, id), eq(batches.unitCode, actor.unitCode)));
  return row?.fileBytes ?? null;
}

/** Drop a batch's staged rows (before a re-run of the preview), inside the caller's transaction. */
export async function clearStagedRows(tx: Transaction, actor: Actor, batchId: string): Promise<void> {
  await tx.execute(sql`delete from import_rows where county_id = ${actor.countyId} and batch_id = ${batchId}`);
}

/**
 * Valid rows of the batch whose fingerprint the register already holds at the batch's unit.
 * Petitions are cases: matched on the unit that registered them (a case's handling unit
 * moves on escalation) and on the fingerprint of the ledger row they were imported from;
 * or, for a row of the app's own export, on its case number (desk-registered cases have
 * no fingerprint, and an edited row has a new one).
 */
export function existingCondition(key: ImportKey) {
  if (key === 'petitions') {
    return sql`(exists (select 1 from petition_cases t where t.county_id = r.county_id and t.registered_unit_code = r.unit_code and t.import_fingerprint = r.fingerprint)
      or (r.values->>'caseNumber' is not null and exists (select 1 from petition_cases t where t.county_id = r.county_id and t.case_number = r.values->>'caseNumber' and t.deleted_at is null)))`;
  }
  return sql`exists (select 1 from ${sql.identifier(registerTableName(key))} t where t.county_id = r.county_id and t.unit_code = r.unit_code and t.fingerprint = r.fingerprint)`;
}

export async function countExisting(tx: Transaction, batch: BatchRow): Promise<number> {
  const rows = await tx.execute(sql`select count(*)::int as n from import_rows r
    where r.county_id = ${batch.countyId} and r.batch_id = ${batch.id} and r.outcome = 'valid' and ${existingCondition(batch.register as ImportKey)}`);
  return onlyRow(rows, countRow).n;
}

export async function pageOfExisting(tx: Transaction, batch: BatchRow, page: number) {
  const key = batch.register as ImportKey;
  const rows = await tx
    .select({ rowNumber: r.rowNumber, values: r.values, cells: stagedCells(r.cells) })
    .from(r)
    .where(and(eq(r.countyId, batch.countyId), eq(r.batchId, batch.id), eq(r.outcome, 'valid'), existingCondition(key)))
    .orderBy(r.rowNumber)
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const def = importDef(key);
  return rows.map((row) => ({ rowNumber: row.rowNumber, values: stagedValuesOf(def, row) }));
}

export async function pageOfOutcome(
  tx: Transaction,
  batch: BatchRow,
  outcome: 'valid' | 'error' | 'duplicate',
  page: number,
) {
  const def = importDef(batch.register as ImportKey);
  const rows = await tx
    .select({
      rowNumber: schema.importRows.rowNumber,
      values: schema.importRows.values,
      cells: stagedCells(schema.importRows.cells),
      errors: schema.importRows.errors,
    })
    .from(schema.importRows)
    .where(
      and(
        eq(schema.importRows.countyId, batch.countyId),
        eq(schema.importRows.batchId, batch.id),
        eq(schema.importRows.outcome, outcome),
      ),
    )
    .orderBy(schema.importRows.rowNumber)
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return rows.map(({ cells, ...row }) => ({ ...row, values: stagedValuesOf(def, { values: row.values, cells }) }));
}

/**
 * A staged cell as its column's value: the text cast to the column's SQL type by Postgres
 * (dates, integers, integer-coded enums), so a CHECK constraint still has the last word.
 * A row staged before cells existed carries jsonb values keyed by column instead.
 */
function stagedCell(table: RegisterTable, column: string, index: number) {
  const type = Object.values(getTableColumns(table))
    .find((c) => c.name === column)
    ?.getSQLType();
  if (!type) throw new Error(`register column ${column} not found`);
  const text = sql`coalesce(r.cells[${sql.raw(String(index + 1))}], r.values->>${column})`;
  // Text needs no cast (an assignment cast still refuses what a varchar(n) cannot hold); the type comes from the schema, never from input.
  return type === 'text' ? text : sql`${text}::${sql.raw(type)}`;
}

/**
 * The commit's one statement: every valid staged row into the register, under the
 * actor's insert policy, with the unit, creator and batch set by the server, each cell
 * cast to its column (stagedCell). Rows whose fingerprint the unit already holds are
 * skipped, which makes the commit idempotent across batches and files.
 */
export async function insertStagedRows(tx: Transaction, actor: Actor, batch: BatchRow): Promise<number> {
  const key = batch.register as RegisterKey;
  const table = registerTableName(key);
  const columns = registerDefs[key].fields.map((field) => field.column ?? field.key);
  const target = sql.join(
    columns.map((column) => sql.identifier(column)),
    sql`, `,
  );
  const source = sql.join(
    columns.map((column, index) => stagedCell(schema.registerTables[key], column, index)),
    sql`, `,
  );
  const rows = await tx.execute(sql`with inserted as (
      insert into ${sql.identifier(table)} (county_id, unit_code, fingerprint, import_id, created_by, ${target})
      select r.county_id, r.unit_code, r.fingerprint, r.batch_id, ${actor.userId}::uuid, ${source}
      from import_rows r
      where r.county_id = ${actor.countyId} and r.batch_id = ${batch.id} and r.outcome = 'valid' and r.unit_code = ${actor.unitCode}
      order by r.row_number
      on conflict (county_id, unit_code, fingerprint) do nothing
      returning 1
    ) select count(*)::int as n from inserted`);
  return onlyRow(rows, countRow).n;
}

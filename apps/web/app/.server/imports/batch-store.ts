/**
 * Import batches in the database: create, stage the validated rows, read pages of the
 * preview, commit in one transaction, cancel. Every function runs inside the caller's
 * transaction (ctx.run), so RLS applies as the actor; the API's own filters
 * (scope for reads, own unit for writes) sit beside the policies.
 */
import { and, eq, sql } from 'drizzle-orm';
import { getTableName } from 'drizzle-orm';
import { schema, type Actor, type Transaction } from '@tally/db';
import { registerDefs, type RegisterKey } from '@tally/db/registers';
import { inActorScope } from '../services/unit-scope.ts';
import type { ImportKey } from './import-registers.ts';
import type { StagedRow } from './staged-rows.ts';

const batches = schema.importBatches;

/** Rows per staging statement: one jsonb parameter of about a megabyte. */
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

/** Stage one chunk of rows (at most STAGE_CHUNK, as the preview hands them over), inside the caller's transaction. */
export async function stageChunk(
  tx: Transaction,
  actor: Actor,
  batchId: string,
  rows: readonly StagedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const chunk = rows.map((row) => ({
    n: row.rowNumber,
    o: row.outcome,
    v: row.values,
    f: row.fingerprint,
    e: row.errors,
  }));
  // One jsonb parameter per chunk: bound, never spliced, and far under the 65,535-parameter limit.
  await tx.execute(sql`insert into import_rows (county_id, batch_id, row_number, unit_code, outcome, values, fingerprint, errors)
    select ${actor.countyId}, ${batchId}, r.n, ${actor.unitCode}, r.o, r.v, r.f, r.e
    from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(n int, o text, v jsonb, f text, e jsonb)`);
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
  return (rows as unknown as Array<{ n: number }>)[0]!.n;
}

export async function pageOfExisting(tx: Transaction, batch: BatchRow, page: number) {
  const rows = await tx.execute(sql`select r.row_number as "rowNumber", r.values from import_rows r
    where r.county_id = ${batch.countyId} and r.batch_id = ${batch.id} and r.outcome = 'valid' and ${existingCondition(batch.register as ImportKey)}
    order by r.row_number limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`);
  return rows as unknown as Array<{ rowNumber: number; values: Record<string, string | number | null> }>;
}

export async function pageOfOutcome(
  tx: Transaction,
  batch: BatchRow,
  outcome: 'valid' | 'error' | 'duplicate',
  page: number,
) {
  return tx
    .select({
      rowNumber: schema.importRows.rowNumber,
      values: schema.importRows.values,
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
}

/**
 * The commit's one statement: every valid staged row into the register, under the
 * actor's insert policy, with the unit, creator and batch set by the server. Values go
 * through jsonb_populate_record, so each one is cast to its column's type by Postgres
 * (dates, integers, integer-coded enums) and a CHECK constraint still has the last word.
 * Rows whose fingerprint the unit already holds are skipped, which makes the commit
 * idempotent across batches and files.
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
    columns.map((column) => sql`p.${sql.identifier(column)}`),
    sql`, `,
  );
  const rows = await tx.execute(sql`with inserted as (
      insert into ${sql.identifier(table)} (county_id, unit_code, fingerprint, import_id, created_by, ${target})
      select r.county_id, r.unit_code, r.fingerprint, r.batch_id, ${actor.userId}::uuid, ${source}
      from import_rows r cross join lateral jsonb_populate_record(null::${sql.identifier(table)}, r.values) p
      where r.county_id = ${actor.countyId} and r.batch_id = ${batch.id} and r.outcome = 'valid' and r.unit_code = ${actor.unitCode}
      order by r.row_number
      on conflict (county_id, unit_code, fingerprint) do nothing
      returning 1
    ) select count(*)::int as n from inserted`);
  return (rows as unknown as Array<{ n: number }>)[0]!.n;
}

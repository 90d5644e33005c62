/**
 * Data step: stored fingerprints recomputed without their empty fields.
 *
 * Fingerprints used to hash every field, nulls included, so adding a column to a register
 * changed every fingerprint and re-importing an old sheet duplicated its rows. The rule
 * now leaves empty fields out (@tally/imports rowFingerprint); this rewrites the stored
 * ones — register rows, imported petition cases, staged import rows — to the new rule.
 *
 * Why TypeScript and not SQL: the fingerprint is sha256 over JSON.stringify of the
 * validated values in the register's field order. SQL would have to reproduce
 * JavaScript's JSON text byte for byte (number forms, string escapes) and, for petition
 * cases, rebuild the ledger values from the case columns (the Shanghai date of receipt,
 * yes/no flags), all of which the import code already does. A row is rewritten only when
 * the old rule applied to its values gives back its stored fingerprint exactly, so a row
 * whose values cannot be rebuilt is left as it was rather than given a wrong identity.
 */
import { and, asc, eq, getTableColumns, gt, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { createHash } from 'node:crypto';
import { shanghaiDate } from '@tally/casework';
import { rowFingerprint, type RegisterDef, type RowValues } from '@tally/imports';
import { PETITION_REGISTER, registerDefs, registerKeys, type RegisterKey } from '../registers/index.ts';
import { importBatches, importRows } from '../schema/imports.ts';
import { petitionCases } from '../schema/petition-cases.ts';
import { registerTables } from '../schema/registers.ts';

const PAGE = 2_000;

/** What a step reads and writes through: a database handle or a transaction. */
export type Executor = Pick<PostgresJsDatabase, 'select' | 'execute'>;

/** The rule before this step, frozen here: every field of the register, null when empty. */
export function legacyRowFingerprint(def: RegisterDef, values: RowValues): string {
  const canonical = [def.key, ...def.fields.map((f) => [f.key, values[f.key] ?? null])];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export interface FingerprintStepCounts {
  rewritten: number;
  /** Rows whose stored fingerprint the old rule does not reproduce: left as they were. */
  leftAsIs: number;
}

interface Rewrite {
  county_id: number;
  key: string;
  fp: string;
}

/** One UPDATE per page: the (county, key) → fingerprint pairs as a JSON recordset. */
async function applyRewrites(db: Executor, rewrites: Rewrite[], update: (values: SQL) => SQL): Promise<void> {
  if (!rewrites.length) return;
  await db.execute(
    update(sql`jsonb_to_recordset(${JSON.stringify(rewrites)}::jsonb) as v(county_id int, key text, fp text)`),
  );
}

function decide(def: RegisterDef, values: RowValues, stored: string, counts: FingerprintStepCounts): string | null {
  const next = rowFingerprint(def, values);
  if (next === stored) return null;
  if (legacyRowFingerprint(def, values) !== stored) {
    counts.leftAsIs += 1;
    return null;
  }
  counts.rewritten += 1;
  return next;
}

async function registerRows(db: Executor, key: RegisterKey, counts: FingerprintStepCounts): Promise<void> {
  const table: PgTable = registerTables[key];
  const columns: Record<string, PgColumn> = getTableColumns(table);
  const countyId = columns.countyId!;
  const id = columns.id!;
  const def = registerDefs[key];
  let after: { countyId: number; id: string } | null = null;
  for (;;) {
    const page: Array<Record<string, unknown>> = await db
      .select()
      .from(table)
      .where(after ? or(gt(countyId, after.countyId), and(eq(countyId, after.countyId), gt(id, after.id))) : undefined)
      .orderBy(asc(countyId), asc(id))
      .limit(PAGE);
    if (!page.length) return;
    const rewrites: Rewrite[] = [];
    for (const row of page) {
      const values: RowValues = Object.fromEntries(
        def.fields.map((f) => [f.key, (row[f.key] ?? null) as RowValues[string]]),
      );
      const next = decide(def, values, String(row.fingerprint), counts);
      if (next) rewrites.push({ county_id: Number(row.countyId), key: String(row.id), fp: next });
    }
    await applyRewrites(
      db,
      rewrites,
      (v) =>
        sql`update ${table} t set fingerprint = v.fp from ${v} where t.county_id = v.county_id and t.id = v.key::uuid`,
    );
    const last = page[page.length - 1]!;
    after = { countyId: Number(last.countyId), id: String(last.id) };
  }
}

/** An imported case's ledger values, rebuilt from its columns as the import staged them. */
function petitionValues(row: typeof petitionCases.$inferSelect): RowValues {
  return {
    receivedOn: shanghaiDate(row.receivedAt),
    channel: row.channel,
    petitionerName: row.petitionerName,
    petitionerIdNumber: row.petitionerIdNumber,
    petitionerPhone: row.petitionerPhone,
    petitionerAddress: row.petitionerAddress,
    peopleCount: row.peopleCount,
    skipLevel: row.skipLevel ? 'yes' : 'no',
    repeatPetition: row.repeatPetition ? 'yes' : 'no',
    category: row.category,
    summary: row.summary,
  };
}

async function petitionCaseRows(db: Executor, counts: FingerprintStepCounts): Promise<void> {
  const c = petitionCases;
  let after: { countyId: number; id: string } | null = null;
  for (;;) {
    const page: Array<typeof c.$inferSelect> = await db
      .select()
      .from(c)
      .where(
        and(
          isNotNull(c.importFingerprint),
          after
            ? or(gt(c.countyId, after.countyId), and(eq(c.countyId, after.countyId), gt(c.id, after.id)))
            : undefined,
        ),
      )
      .orderBy(asc(c.countyId), asc(c.id))
      .limit(PAGE);
    if (!page.length) return;
    const rewrites: Rewrite[] = [];
    for (const row of page) {
      const next = decide(PETITION_REGISTER, petitionValues(row), row.importFingerprint!, counts);
      if (next) rewrites.push({ county_id: row.countyId, key: row.id, fp: next });
    }
    await applyRewrites(
      db,
      rewrites,
      (v) =>
        sql`update petition_cases t set import_fingerprint = v.fp from ${v} where t.county_id = v.county_id and t.id = v.key::uuid`,
    );
    const last: typeof c.$inferSelect = page[page.length - 1]!;
    after = { countyId: last.countyId, id: last.id };
  }
}

interface StagedRow {
  countyId: number;
  batchId: string;
  rowNumber: number;
  values: Record<string, string | number | null> | null;
  fingerprint: string | null;
  register: string;
}

/** Staged rows of batches not yet committed: their values are stored as the preview made them. */
async function stagedRows(db: Executor, counts: FingerprintStepCounts): Promise<void> {
  const r = importRows;
  const b = importBatches;
  let after: { countyId: number; batchId: string; rowNumber: number } | null = null;
  for (;;) {
    const page: StagedRow[] = await db
      .select({
        countyId: r.countyId,
        batchId: r.batchId,
        rowNumber: r.rowNumber,
        values: r.values,
        fingerprint: r.fingerprint,
        register: b.register,
      })
      .from(r)
      .innerJoin(b, and(eq(b.countyId, r.countyId), eq(b.id, r.batchId)))
      .where(
        and(
          isNotNull(r.fingerprint),
          after
            ? sql`(${r.countyId}, ${r.batchId}, ${r.rowNumber}) > (${after.countyId}, ${after.batchId}::uuid, ${after.rowNumber})`
            : undefined,
        ),
      )
      .orderBy(asc(r.countyId), asc(r.batchId), asc(r.rowNumber))
      .limit(PAGE);
    if (!page.length) return;
    const rewrites: Rewrite[] = [];
    for (const row of page) {
      const def =
        row.register === 'petitions'
          ? PETITION_REGISTER
          : registerKeys.includes(row.register as RegisterKey)
            ? registerDefs[row.register as RegisterKey]
            : null;
      if (!def || !row.values) continue;
      // Staged values are keyed by column name (staged-rows.ts toColumnValues), fingerprints by field key.
      const staged = row.values;
      const values: RowValues = Object.fromEntries(def.fields.map((f) => [f.key, staged[f.column ?? f.key] ?? null]));
      const next = decide(def, values, row.fingerprint!, counts);
      if (next) rewrites.push({ county_id: row.countyId, key: `${row.batchId}:${row.rowNumber}`, fp: next });
    }
    await applyRewrites(
      db,
      rewrites,
      (v) => sql`update import_rows t set fingerprint = v.fp from ${v}
      where t.county_id = v.county_id and t.batch_id = split_part(v.key, ':', 1)::uuid and t.row_number = split_part(v.key, ':', 2)::int`,
    );
    const last: StagedRow = page[page.length - 1]!;
    after = { countyId: last.countyId, batchId: last.batchId, rowNumber: last.rowNumber };
  }
}

export async function recomputeFingerprints(db: Executor): Promise<FingerprintStepCounts> {
  const counts: FingerprintStepCounts = { rewritten: 0, leftAsIs: 0 };
  for (const key of registerKeys) await registerRows(db, key, counts);
  await petitionCaseRows(db, counts);
  await stagedRows(db, counts);
  return counts;
}

/**
 * The pages of a preview that show what was understood: the rows that will be added
 * (valid, and not already in the register), with their values as they will be stored,
 * and the valid rows whose values look wrong (warnings, kept in import_rows.errors of a
 * valid row). Each runs inside the caller's transaction, under RLS.
 */
import { and, eq, isNotNull, not } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { schema, type Transaction } from '@tally/db';
import { PAGE_SIZE, existingCondition, stagedCells, type BatchRow } from './batch-store.ts';
import { importDef, type ImportKey } from './import-registers.ts';
import { stagedValuesOf } from './staged-rows.ts';

// existingCondition speaks of the staged row as `r`.
const r = alias(schema.importRows, 'r');

const validOf = (batch: BatchRow) =>
  and(eq(r.countyId, batch.countyId), eq(r.batchId, batch.id), eq(r.outcome, 'valid'));

/** Valid rows the register does not hold yet: what the commit will add, with the warnings of each. */
export async function pageOfNew(tx: Transaction, batch: BatchRow, page: number) {
  const rows = await tx
    .select({ rowNumber: r.rowNumber, values: r.values, cells: stagedCells(r.cells), warnings: r.errors })
    .from(r)
    .where(and(validOf(batch), not(existingCondition(batch.register as ImportKey))))
    .orderBy(r.rowNumber)
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const def = importDef(batch.register as ImportKey);
  return rows.map(({ cells, ...row }) => ({ ...row, values: stagedValuesOf(def, { values: row.values, cells }) }));
}

/** Valid rows with warnings, one page. */
export function pageOfWarnings(tx: Transaction, batch: BatchRow, page: number) {
  return tx
    .select({ rowNumber: r.rowNumber, warnings: r.errors })
    .from(r)
    .where(and(validOf(batch), isNotNull(r.errors)))
    .orderBy(r.rowNumber)
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
}

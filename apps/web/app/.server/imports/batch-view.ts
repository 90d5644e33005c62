import { DEFAULT_LIMITS } from '@tally/imports';
import type { Transaction } from '@tally/db';
import { notFound } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';
import { PAGE_SIZE, countExisting, findVisibleBatch, pageOfExisting, pageOfOutcome } from './batch-store.ts';
import { importDef, type ImportKey } from './import-registers.ts';
import { pageOfNew, pageOfWarnings } from './preview-pages.ts';
import { maskStagedValues } from './staged-masking.ts';

/** Progress of a running preview or commit, polled by the batch page. */
export async function batchProgress(tx: Transaction, ctx: AuthedContext, input: { id: string }) {
  const batch = await findVisibleBatch(tx, ctx.actor, input.id);
  if (!batch) throw notFound();
  return { status: batch.status, phase: batch.progressPhase, done: batch.progressDone, total: batch.progressTotal };
}

/**
 * A batch with one page each of bad rows, in-file duplicates, rows the register already
 * holds, rows to be added and warnings. Readers above the importing unit see the staged
 * values masked by the register's personal-data rule, and not the file's first rows.
 */
export async function batchView(
  tx: Transaction,
  ctx: AuthedContext,
  input: {
    id: string;
    errorsPage: number;
    duplicatesPage: number;
    existingPage: number;
    newPage: number;
    warningsPage: number;
  },
) {
  const batch = await findVisibleBatch(tx, ctx.actor, input.id);
  if (!batch) throw notFound();
  const staged = batch.status === 'previewed' || batch.status === 'committing';
  const mine = batch.unitCode === ctx.actor.unitCode;
  const def = importDef(batch.register as ImportKey);
  const existingRows = staged ? await pageOfExisting(tx, batch, input.existingPage) : [];
  const newRows = staged ? await pageOfNew(tx, batch, input.newPage) : [];
  const masked = (values: Record<string, string | number | null> | null) =>
    mine || !values ? { values: values ?? {}, hidden: [] } : maskStagedValues(def, values);
  // The mapping form renders one select per column: never more than a file may have now.
  const headers = batch.headers ?? null;
  return {
    batch: { ...batch, reading: null, headers: headers?.slice(0, DEFAULT_LIMITS.maxColumns) },
    hiddenColumns: Math.max(0, (headers?.length ?? 0) - DEFAULT_LIMITS.maxColumns),
    pageSize: PAGE_SIZE,
    mine,
    existing: staged ? await countExisting(tx, batch) : 0,
    errors: await pageOfOutcome(tx, batch, 'error', input.errorsPage),
    duplicates: await pageOfOutcome(tx, batch, 'duplicate', input.duplicatesPage),
    existingRows: existingRows.map((row) => ({ ...row, ...masked(row.values) })),
    newRows: newRows.map((row) => ({
      rowNumber: row.rowNumber,
      warned: row.warnings !== null,
      ...masked(row.values),
    })),
    warnings: staged ? await pageOfWarnings(tx, batch, input.warningsPage) : [],
    // The first rows of the file are shown for picking the header row: the importing unit's own data only.
    reading: batch.reading && { ...batch.reading, topRows: mine ? batch.reading.topRows : [] },
  };
}

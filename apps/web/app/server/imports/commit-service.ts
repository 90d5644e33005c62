/**
 * Commit a previewed batch: all or nothing, once.
 *
 * One transaction: lock the batch row (`committing`), insert every valid staged row with
 * ON CONFLICT DO NOTHING, record inserted/skipped, mark `committed`, audit. A second
 * click waits on the row lock and then finds the batch committed (refused, nothing
 * inserted twice); a crash anywhere before COMMIT leaves the register untouched and the
 * batch `previewed`, ready to be committed again.
 *
 * A file with bad rows is refused unless the user explicitly chose "import the valid
 * rows only" (`acceptErrors`): silently dropping rows would leave a ledger shorter than
 * the sheet the village believes it imported. Likewise valid rows with implausible
 * values (a date in 1905 or 2136, a "?" or "�" in text) need `acceptWarnings`: the clerk
 * has looked at them.
 */
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { findOwnBatch, insertStagedRows } from './batch-store.ts';
import { insertStagedPetitions } from './petition-commit.ts';

export interface CommitResult {
  inserted: number;
  skipped: number;
}

export async function commitBatch(ctx: AuthedContext, id: string, acceptErrors: boolean, acceptWarnings = false): Promise<CommitResult> {
  return ctx.run(async (tx) => {
    // If the server dies mid-statement, Postgres notices the closed socket within a second
    // and rolls back, instead of finishing a long INSERT for nobody while holding the batch lock.
    await tx.execute(sql`set local client_connection_check_interval = '1s'`);
    const batch = await findOwnBatch(tx, ctx.actor, id, true);
    if (!batch) throw notFound();
    if (batch.status === 'committed') throw new UserFacingError('CONFLICT', 'imports.error.alreadyCommitted');
    if (batch.status !== 'previewed') throw new UserFacingError('BAD_REQUEST', 'imports.error.notCommittable');
    if (batch.errorRows > 0 && !acceptErrors) throw new UserFacingError('BAD_REQUEST', 'imports.error.hasErrors', { count: batch.errorRows });
    const warningRows = batch.reading?.warningRows ?? 0;
    if (warningRows > 0 && !acceptWarnings) throw new UserFacingError('BAD_REQUEST', 'imports.error.hasWarnings', { count: warningRows });
    if (batch.validRows === 0) throw new UserFacingError('BAD_REQUEST', 'imports.error.nothingValid');

    const where = and(eq(schema.importBatches.countyId, ctx.actor.countyId), eq(schema.importBatches.id, id));
    await tx.update(schema.importBatches).set({ status: 'committing', updatedAt: ctx.now }).where(where);
    // Petitions go through case intake row by row (numbering, workflow state); ledgers in one statement.
    const inserted = batch.register === 'petitions' ? await insertStagedPetitions(tx, ctx, batch) : await insertStagedRows(tx, ctx.actor, batch);
    const skipped = batch.validRows - inserted;
    await tx
      .update(schema.importBatches)
      // The file is no longer needed once its rows are in the register (it may hold personal data).
      .set({ status: 'committed', insertedCount: inserted, skippedCount: skipped, committedAt: ctx.now, committedBy: ctx.actor.userId, fileBytes: null, updatedAt: ctx.now })
      .where(where);
    await auditChange(tx, ctx, {
      action: 'imports.commit', objectType: 'import_batch', objectId: id,
      detail: { register: batch.register, fileName: batch.fileName, inserted, skipped, errorRows: batch.errorRows, acceptErrors, warningRows },
    });
    return { inserted, skipped };
  });
}

/** Cancel a batch that is not committed: its staged rows and file are dropped, the batch row stays for the record. */
export async function cancelBatch(ctx: AuthedContext, id: string): Promise<void> {
  await ctx.run(async (tx) => {
    const batch = await findOwnBatch(tx, ctx.actor, id, true);
    if (!batch) throw notFound();
    if (batch.status === 'committed' || batch.status === 'cancelled') throw new UserFacingError('BAD_REQUEST', 'imports.error.notCancellable');
    await tx.execute(sql`delete from import_rows where county_id = ${ctx.actor.countyId} and batch_id = ${id}`);
    await tx
      .update(schema.importBatches)
      .set({ status: 'cancelled', fileBytes: null, updatedAt: ctx.now })
      .where(and(eq(schema.importBatches.countyId, ctx.actor.countyId), eq(schema.importBatches.id, id)));
    await auditChange(tx, ctx, { action: 'imports.cancel', objectType: 'import_batch', objectId: id, detail: { register: batch.register, fileName: batch.fileName } });
  });
}

/**
 * Commit a previewed batch: all or nothing, once, off the request
 * (docs/decisions/0015-import-commit-jobs.md).
 *
 * 1. The claim, a short transaction of its own: lock the batch row, check it may be
 *    committed, write `committing` and COMMIT. Every other session now sees
 *    '正在导入'; a second click is refused at once with that message.
 * 2. The job (job-runner.ts), in one long transaction that holds the batch's advisory
 *    lock: insert every valid staged row the register does not hold yet, record the
 *    counts, `committed`, audit. Progress goes to the batch row from transactions of its
 *    own, so the page sees it while the import runs.
 * 3. A refusal inside the job (a row intake refuses, the year's numbers run out) or a
 *    fault rolls everything back and puts the batch back to `previewed` with the reason,
 *    ready to be committed again; a crash leaves `committing` with no lock holder, which
 *    the next claim or housekeeping recognises as dead (after a short grace).
 *
 * A file with bad rows is refused unless the user explicitly chose "import the valid
 * rows only" (`acceptErrors`): silently dropping rows would leave a ledger shorter than
 * the sheet the village believes it imported. Rows with implausible values are committed only
 * once the clerk acknowledged the warnings (`acceptWarnings`, docs/decisions/0012-files-clerks-have.md).
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  COMMIT_CLAIM_GRACE_SECONDS,
  batchJobLock,
  dashboardVersionBumpedLast,
  onlyRow,
  schema,
  withActor,
} from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';
import { log } from '../log.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { countExisting, findOwnBatch, insertStagedRows, type BatchRow } from './batch-store.ts';
import { runInBackground } from './job-runner.ts';
import { insertStagedPetitions } from './petition-commit.ts';
import { progressWriter } from './progress-writer.ts';

export interface CommitStarted {
  id: string;
  status: 'committing';
}

/** A commit that failed after its case numbers were reserved: it must be committed again, never dropped. */
const RESERVED_UNFINISHED = {
  zh: '导入中断，未写入任何记录；本批的案件编号已预留，请重新确认导入以完成（本批不能取消）',
  en: 'The commit was interrupted and wrote nothing; its case numbers are reserved: commit again to finish (this batch cannot be cancelled)',
};

const batchWhere = (ctx: AuthedContext, id: string) =>
  and(eq(schema.importBatches.countyId, ctx.actor.countyId), eq(schema.importBatches.id, id));

/** A `committing` batch whose job died: the claim is old and nobody holds the job lock. */
async function commitIsDead(ctx: AuthedContext, batch: BatchRow, updatedAt: Date): Promise<boolean> {
  if (ctx.now.getTime() - updatedAt.getTime() < COMMIT_CLAIM_GRACE_SECONDS * 1000) return false;
  // Try the lock in a transaction of its own, released at once: only a probe.
  return ctx.run(async (tx) => {
    const probe = await tx.execute(sql`select pg_try_advisory_xact_lock(${batchJobLock(batch.id)}) as free`);
    return onlyRow(probe, z.object({ free: z.boolean() })).free;
  });
}

/** Claim the batch and start the job; returns at once. Refusals are 4xx with a message. */
export async function startCommit(
  ctx: AuthedContext,
  id: string,
  acceptErrors: boolean,
  acceptWarnings = false,
): Promise<CommitStarted> {
  const batch = await ctx.run(async (tx) => {
    const found = await findOwnBatch(tx, ctx.actor, id, true);
    if (!found) throw notFound();
    const [{ updatedAt } = { updatedAt: ctx.now }] = await tx
      .select({ updatedAt: schema.importBatches.updatedAt })
      .from(schema.importBatches)
      .where(batchWhere(ctx, id));
    if (found.status === 'committed') {
      throw new UserFacingError('CONFLICT', 'imports.error.alreadyCommitted', {
        inserted: found.insertedCount ?? 0,
        skipped: found.skippedCount ?? 0,
      });
    }
    if (found.status === 'committing' && !(await commitIsDead(ctx, found, updatedAt))) {
      throw new UserFacingError('CONFLICT', 'imports.error.committing', { existing: await countExisting(tx, found) });
    }
    if (found.status !== 'previewed' && found.status !== 'committing')
      throw new UserFacingError('BAD_REQUEST', 'imports.error.notCommittable');
    if (found.errorRows > 0 && !acceptErrors)
      throw new UserFacingError('BAD_REQUEST', 'imports.error.hasErrors', { count: found.errorRows });
    // Implausible values (a bare year read as a 1905 date, '�', '?') go in only once the clerk has seen them.
    const warningRows = found.reading?.warningRows ?? 0;
    if (warningRows > 0 && !acceptWarnings)
      throw new UserFacingError('BAD_REQUEST', 'imports.error.hasWarnings', { count: warningRows });
    if (found.validRows === 0) throw new UserFacingError('BAD_REQUEST', 'imports.error.nothingValid');
    await tx
      .update(schema.importBatches)
      .set({
        status: 'committing',
        failure: null,
        progressPhase: 'committing',
        progressDone: 0,
        progressTotal: found.validRows,
        updatedAt: ctx.now,
      })
      .where(batchWhere(ctx, id));
    return found;
  });
  runInBackground(`imports.commit ${id}`, () => runCommit(ctx, batch, acceptErrors, acceptWarnings));
  return { id, status: 'committing' };
}

/** The job: the long transaction, then the outcome on the batch row. Never throws. */
async function runCommit(
  ctx: AuthedContext,
  batch: BatchRow,
  acceptErrors: boolean,
  acceptWarnings: boolean,
): Promise<void> {
  const progress = progressWriter(ctx.db, ctx.actor, batch.id);
  try {
    await ctx.run(async (tx) => {
      // If the server dies mid-statement, Postgres notices the closed socket within a second
      // and rolls back, instead of finishing a long INSERT for nobody while holding locks.
      await tx.execute(sql`set local client_connection_check_interval = '1s'`);
      const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(${batchJobLock(batch.id)}) as mine`);
      if (!onlyRow(lock, z.object({ mine: z.boolean() })).mine) return; // Another job runs this batch: it will write the outcome.
      const current = await findOwnBatch(tx, ctx.actor, batch.id);
      if (current?.status !== 'committing') return; // Cancelled, or recovered by housekeeping meanwhile.
      // The dashboard's data version is bumped once, as the last statement: bumped by each
      // statement's trigger it would lock the county's version row until this long
      // transaction commits, and every other writer of the county would wait for the import.
      await dashboardVersionBumpedLast(tx, async () => {
        // Petitions become cases (numbering, workflow state); ledgers go in one statement.
        const inserted =
          batch.register === 'petitions'
            ? await insertStagedPetitions(tx, ctx, batch, progress)
            : await insertStagedRows(tx, ctx.actor, batch);
        const skipped = batch.validRows - inserted;
        // Progress writes touch the batch row from their own transactions: let them land before this one locks it.
        await progress.flush();
        await tx
          .update(schema.importBatches)
          // The file is no longer needed once its rows are in the register (it may hold personal data).
          .set({
            status: 'committed',
            insertedCount: inserted,
            skippedCount: skipped,
            committedAt: ctx.now,
            committedBy: ctx.actor.userId,
            fileBytes: null,
            progressPhase: 'done',
            progressDone: batch.validRows,
            progressTotal: batch.validRows,
            updatedAt: new Date(),
          })
          .where(batchWhere(ctx, batch.id));
        await auditChange(tx, ctx, {
          action: 'imports.commit',
          objectType: 'import_batch',
          objectId: batch.id,
          detail: {
            register: batch.register,
            fileName: batch.fileName,
            inserted,
            skipped,
            errorRows: batch.errorRows,
            acceptErrors,
            warningRows: batch.reading?.warningRows ?? 0,
            acceptWarnings,
          },
        });
      });
    });
  } catch (error) {
    await progress.flush();
    const reason =
      error instanceof UserFacingError && error.messageKey === 'error.domain'
        ? { zh: String(error.params.zh), en: String(error.params.en) }
        : {
            zh: '导入失败，未写入任何记录；可以重新确认导入，仍失败请联系管理员',
            en: 'The commit failed and wrote nothing; commit again, or ask the administrator if it fails again',
          };
    if (!(error instanceof UserFacingError))
      log.error(error instanceof Error ? error : new Error('commit failed'), 'import commit failed');
    await withActor(ctx.db, ctx.actor, async (tx) => {
      // Numbers reserved before the fault stay the batch's: committing again fills them (petition-commit.ts).
      const reserved = (await findOwnBatch(tx, ctx.actor, batch.id))?.reservedNumbers;
      await tx
        .update(schema.importBatches)
        .set({
          status: 'previewed',
          failure: reserved ? RESERVED_UNFINISHED : reason,
          progressPhase: 'done',
          updatedAt: new Date(),
        })
        .where(and(batchWhere(ctx, batch.id), eq(schema.importBatches.status, 'committing')));
    }).catch((markError: unknown) =>
      log.error(
        markError instanceof Error ? markError : new Error('mark failed'),
        'import commit outcome not recorded',
      ),
    );
  }
}

/** Cancel a batch that is not committed: its staged rows and file are dropped, the batch row stays for the record. */
export async function cancelBatch(ctx: AuthedContext, id: string): Promise<void> {
  await ctx.run(async (tx) => {
    const batch = await findOwnBatch(tx, ctx.actor, id, true);
    if (!batch) throw notFound();
    if (batch.status === 'committing')
      throw new UserFacingError('CONFLICT', 'imports.error.committing', { existing: 0 });
    // Case numbers reserved for the batch must be filled by its rows, or the county's sequence keeps a gap.
    if (batch.status === 'committed' || batch.status === 'cancelled')
      throw new UserFacingError('BAD_REQUEST', 'imports.error.notCancellable');
    if (batch.reservedNumbers) throw new UserFacingError('BAD_REQUEST', 'imports.error.numbersReserved');
    // A preview running now holds the batch's job lock and its staged rows: refuse rather than wait for it.
    // A preview that died left no holder, and its batch may be cancelled.
    if (batch.status === 'previewing') {
      const [probe] = await tx.execute(sql`select pg_try_advisory_xact_lock(${batchJobLock(id)}) as free`);
      if (probe?.free !== true) throw new UserFacingError('CONFLICT', 'imports.error.previewing');
    }
    await tx.execute(sql`delete from import_rows where county_id = ${ctx.actor.countyId} and batch_id = ${id}`);
    await tx
      .update(schema.importBatches)
      .set({ status: 'cancelled', fileBytes: null, updatedAt: ctx.now })
      .where(batchWhere(ctx, id));
    await auditChange(tx, ctx, {
      action: 'imports.cancel',
      objectType: 'import_batch',
      objectId: id,
      detail: { register: batch.register, fileName: batch.fileName },
    });
  });
}

/**
 * Upload → batch: record the batch (so progress can be polled), then parse, validate and
 * stage in one transaction: @tally/imports streams the row outcomes in chunks of
 * STAGE_CHUNK and each chunk is written to a COPY on the transaction's connection
 * (staged-copy.ts) while parsing goes on, so memory holds a chunk or two (plus the
 * file's fingerprints), never the whole file as rows. The transaction
 * also swaps a re-run's rows atomically: a remap that fails keeps the previous preview.
 * A file-level refusal (unreadable, too many rows, bad mapping) marks the batch failed
 * with the message in both languages and returns it; it is a refusal, not a server error.
 */
import { and, eq, sql } from 'drizzle-orm';
import { ImportError, detectFormat, streamPreview, type MappingOverride } from '@tally/imports';
import type { ImportReading } from '@tally/db';
import { batchJobLock, schema, withActor } from '@tally/db';
import type { AuthedContext } from '../trpc.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { UserFacingError } from '../errors.ts';
import { STAGE_CHUNK, clearStagedRows, findOwnBatch } from './batch-store.ts';
import { runInBackground } from './job-runner.ts';
import { openStager } from './staged-copy.ts';
import { estimateCsvRows, progressWriter } from './progress-writer.ts';
import { stagedRowOf, stagedShapeOf } from './staged-rows.ts';
import { importDef, type ImportKey } from './import-registers.ts';

export interface PreviewRequest {
  register: ImportKey;
  fileName: string;
  bytes: Uint8Array;
  /** Chosen by the browser so it can poll progress before the upload's response arrives. */
  batchId?: string;
}

/** Create the batch row in a transaction of its own: the progress poller must see it. */
export async function createBatch(ctx: AuthedContext, request: PreviewRequest): Promise<string> {
  const format = detectFormat(request.bytes);
  try {
    const [created] = await ctx.run((tx) =>
      tx
        .insert(schema.importBatches)
        .values({
          ...(request.batchId ? { id: request.batchId } : {}),
          countyId: ctx.actor.countyId,
          unitCode: ctx.actor.unitCode,
          register: request.register,
          fileName: request.fileName,
          format,
          byteSize: request.bytes.length,
          fileBytes: request.bytes,
          status: 'previewing',
          progressTotal: estimateCsvRows(request.bytes, format),
          createdBy: ctx.actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: schema.importBatches.id }),
    );
    return created!.id;
  } catch (error) {
    // A reused id (a replayed form) is refused rather than overwriting someone's batch.
    if (isUniqueViolation(error)) throw new UserFacingError('CONFLICT', 'imports.error.batchExists');
    throw error;
  }
}

/** Why a file was refused as a whole, in both languages. */
export interface PreviewFailure {
  zh: string;
  en: string;
}

/** The clerk's choices for reading the file: the column mapping, the workbook tab, the header row. */
export interface ReadChoice {
  mapping?: MappingOverride;
  sheet?: string;
  headerRow?: number;
}

/** Parse, validate and stage; the batch ends `previewed` (null) or `failed` (the reason). */
export async function previewIntoBatch(
  ctx: AuthedContext,
  batchId: string,
  register: ImportKey,
  fileName: string,
  bytes: Uint8Array,
  choice: ReadChoice = {},
): Promise<PreviewFailure | null> {
  const { mapping, sheet, headerRow } = choice;
  const def = importDef(register);
  const progress = progressWriter(ctx.db, ctx.actor, batchId);
  const total = estimateCsvRows(bytes, detectFormat(bytes));
  const where = and(eq(schema.importBatches.countyId, ctx.actor.countyId), eq(schema.importBatches.id, batchId));
  try {
    const ran = await ctx.run(async (tx) => {
      // Held to the end of the transaction: a cancel meanwhile is refused instead of waiting on the staged rows (cancelBatch).
      const [lock] = await tx.execute(sql`select pg_try_advisory_xact_lock(${batchJobLock(batchId)}) as mine`);
      if (lock?.mine !== true) throw new UserFacingError('CONFLICT', 'imports.error.previewing');
      const current = await findOwnBatch(tx, ctx.actor, batchId);
      // Cancelled (or committed) between the claim and this job: nothing to do.
      if (current?.status !== 'previewing' && current?.status !== 'previewed') return false;
      await clearStagedRows(tx, ctx.actor, batchId);
      // Staging runs in rounds (COPY, then a move into import_rows) while parsing goes on, so 'parsing'
      // progress covers both; the last round's move ends it ('staging').
      const stager = await openStager(tx, ctx.actor, batchId, def, stagedShapeOf(register));
      let summary: Awaited<ReturnType<typeof streamPreview>>;
      try {
        summary = await streamPreview({
          bytes,
          fileName,
          register: def,
          mapping,
          sheet,
          headerRow,
          now: ctx.now,
          progressEvery: 2_000,
          chunkSize: STAGE_CHUNK,
          onProgress: (done) => progress.report('parsing', done, total === null ? null : Math.max(total, done)),
          onRows: (rows) => stager.write(rows.map((row) => stagedRowOf(def, row))),
        });
      } catch (error) {
        await stager.abort(error instanceof Error ? error : new Error('preview failed'));
        throw error;
      }
      progress.report('staging', summary.totalRows, summary.totalRows);
      await stager.finish();
      // Progress writes touch the batch row from their own transactions: let them land before this one updates it.
      await progress.flush();
      const reading: ImportReading = {
        sheets: summary.sheets?.sheets ?? [],
        sheet: summary.sheets?.sheet ?? null,
        headerRow: summary.headerRow,
        topRows: summary.topRows,
        warningRows: summary.warningRowCount,
        choice: { ...(sheet === undefined ? {} : { sheet }), ...(headerRow === undefined ? {} : { headerRow }) },
      };
      await tx
        .update(schema.importBatches)
        .set({
          status: 'previewed',
          format: summary.format,
          headers: summary.headers,
          mapping: Object.fromEntries(Object.entries(summary.mapping.mapping).map(([index, key]) => [index, key])),
          mappingOverride: mapping ?? null,
          reading,
          totalRows: summary.totalRows,
          validRows: summary.validCount,
          errorRows: summary.errorRowCount,
          duplicateRows: summary.duplicateCount,
          failure: null,
          progressPhase: 'done',
          progressDone: summary.totalRows,
          progressTotal: summary.totalRows,
          updatedAt: new Date(),
        })
        .where(where);
      return true;
    });
    if (!ran) await progress.flush();
    return null;
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    if (!(error instanceof ImportError)) {
      await markFailed(ctx, batchId, {
        zh: '预览失败，请重试或联系管理员',
        en: 'The preview failed; try again or ask the administrator',
      }).catch(() => {});
      throw error;
    }
    await progress.flush();
    const failure = { zh: error.zh, en: error.en };
    await markFailed(ctx, batchId, failure);
    return failure;
  }
}

async function markFailed(ctx: AuthedContext, batchId: string, failure: PreviewFailure): Promise<void> {
  await withActor(ctx.db, ctx.actor, (tx) =>
    tx
      .update(schema.importBatches)
      // A refused file is not kept: it can not be previewed again, and it may be anything.
      .set({ status: 'failed', failure, fileBytes: null, progressPhase: 'done', updatedAt: new Date() })
      .where(and(eq(schema.importBatches.countyId, ctx.actor.countyId), eq(schema.importBatches.id, batchId))),
  );
}

/** A re-preview of a file this large runs as a job (like a commit) and the page follows its progress. */
export const REPREVIEW_JOB_BYTES = 1024 * 1024;

/**
 * Re-run the preview of a previewed batch with other choices. A small file is re-read
 * within the request. A large one is claimed first (status `previewing`, committed at
 * once, so a commit is refused meanwhile and everyone sees it) and re-read by a job
 * (job-runner.ts); the request answers at once and the batch page polls its progress.
 * Returns whether it runs in the background; a refusal of the file is returned as before
 * when it ran in the request, and shown on the batch (failed) when it ran as a job.
 */
export async function repreview(
  ctx: AuthedContext,
  batchId: string,
  register: ImportKey,
  fileName: string,
  bytes: Uint8Array,
  choice: ReadChoice,
): Promise<{ background: boolean; failure: PreviewFailure | null }> {
  if (bytes.length < REPREVIEW_JOB_BYTES)
    return { background: false, failure: await previewIntoBatch(ctx, batchId, register, fileName, bytes, choice) };
  const claimed = await ctx.run((tx) =>
    tx
      .update(schema.importBatches)
      .set({
        status: 'previewing',
        failure: null,
        progressPhase: 'parsing',
        progressDone: 0,
        progressTotal: estimateCsvRows(bytes, detectFormat(bytes)),
        updatedAt: ctx.now,
      })
      .where(
        and(
          eq(schema.importBatches.countyId, ctx.actor.countyId),
          eq(schema.importBatches.id, batchId),
          eq(schema.importBatches.unitCode, ctx.actor.unitCode),
          eq(schema.importBatches.status, 'previewed'),
        ),
      )
      .returning({ id: schema.importBatches.id }),
  );
  if (claimed.length === 0) throw new UserFacingError('BAD_REQUEST', 'imports.error.notRemappable');
  runInBackground(`imports.remap ${batchId}`, async () => {
    await previewIntoBatch(ctx, batchId, register, fileName, bytes, choice);
  });
  return { background: true, failure: null };
}

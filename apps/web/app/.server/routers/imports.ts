import { z } from 'zod';
import { DEFAULT_LIMITS, ImportError, badText, mapHeaders } from '@tally/imports';
import { caseDataRoles } from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';
import { auditChange, roleProcedure, router } from '../trpc.ts';
import {
  PAGE_SIZE,
  countExisting,
  findOwnBatch,
  findVisibleBatch,
  pageOfExisting,
  pageOfOutcome,
  readFileBytes,
} from '../imports/batch-store.ts';
import { cancelBatch, startCommit } from '../imports/commit-service.ts';
import { createBatch, previewIntoBatch, repreview } from '../imports/preview-service.ts';
import { importDef, isImportKey, type ImportKey } from '../imports/import-registers.ts';
import { maskStagedValues } from '../imports/staged-masking.ts';
import { pageOfNew, pageOfWarnings } from '../imports/preview-pages.ts';
import { listOwnBatches } from '../imports/batch-list.ts';

/** No NUL (Postgres text refuses it) and no lone surrogate in text that is stored or echoed. */
const storableText = (text: string) => badText(text) === null;

const registerKey = z
  .string()
  .refine(isImportKey, 'unknown register')
  .transform((value) => value as ImportKey);
const batchId = z.string().uuid();
const page = z.number().int().min(1).max(100_000).default(1);
/** column index (as text, JSON keys are strings) → field key, or null to ignore the column. */
const mappingOverride = z.record(z.string().regex(/^\d{1,4}$/), z.string().max(60).refine(storableText).nullable());

export const importsRouter = router({
  /**
   * Upload: the file's bytes come from the multipart parser in the route (server-side
   * caller only; over HTTP the bytes field cannot be sent as JSON, by design). Always at
   * the actor's own unit.
   */
  preview: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        register: registerKey,
        fileName: z.string().trim().min(1).max(255).refine(storableText, 'unreadable file name'),
        bytes: z.instanceof(Uint8Array),
        batchId: batchId.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const id = await createBatch(ctx, input);
      const failure = await previewIntoBatch(ctx, id, input.register, input.fileName, input.bytes);
      await ctx.run((tx) =>
        auditChange(tx, ctx, {
          action: 'imports.preview',
          objectType: 'import_batch',
          objectId: id,
          detail: {
            register: input.register,
            fileName: input.fileName,
            bytes: input.bytes.length,
            refused: failure !== null,
          },
        }),
      );
      // A refused file is the uploader's to fix: a 4xx with the reason (the failed batch stays on record).
      if (failure) throw new UserFacingError('BAD_REQUEST', 'error.domain', { zh: failure.zh, en: failure.en });
      return { id };
    }),

  /**
   * Re-run the preview of a previewed batch with the user's column mapping, or with
   * another workbook tab or header row. A new tab or header row has other columns, so the
   * mapping is guessed again for it (an override given with it is ignored).
   */
  remap: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        id: batchId,
        mapping: mappingOverride.default({}),
        sheet: z.string().min(1).max(100).refine(storableText).optional(),
        headerRow: z.number().int().min(1).max(1_048_576).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const found = await ctx.run(async (tx) => {
        const batch = await findOwnBatch(tx, ctx.actor, input.id);
        return batch ? { batch, bytes: await readFileBytes(tx, ctx.actor, input.id) } : null;
      });
      if (!found) throw notFound();
      const { batch, bytes } = found;
      // A batch holding reserved case numbers is committed as it was previewed, or the block would not fit its rows.
      if (batch.status !== 'previewed' || !bytes || batch.reservedNumbers)
        throw new UserFacingError('BAD_REQUEST', 'imports.error.notRemappable');
      const register = batch.register as ImportKey;
      const previous = batch.reading?.choice ?? {};
      // Only what the preview offered: a stale or forged choice is refused before the staged rows are touched.
      if (input.sheet !== undefined && !(batch.reading?.sheets ?? []).includes(input.sheet))
        throw new UserFacingError('BAD_REQUEST', 'imports.error.badSheet');
      const sameSheet = input.sheet === undefined || input.sheet === batch.reading?.sheet;
      if (
        input.headerRow !== undefined &&
        sameSheet &&
        !(batch.reading?.topRows ?? []).some((row) => row.row === input.headerRow)
      ) {
        throw new UserFacingError('BAD_REQUEST', 'imports.error.badHeaderRow');
      }
      const rereading = !sameSheet || (input.headerRow !== undefined && input.headerRow !== batch.reading?.headerRow);
      const sheet = input.sheet ?? previous.sheet;
      // Another tab starts from its own header; a header row chosen on this tab is kept.
      const headerRow = sameSheet ? (input.headerRow ?? previous.headerRow) : undefined;
      if (rereading) {
        // A refused tab or header row leaves the batch failed with the reason shown, like a refused upload.
        const { background, failure } = await repreview(ctx, input.id, register, batch.fileName, bytes, {
          sheet,
          headerRow,
        });
        if (failure) throw new UserFacingError('BAD_REQUEST', 'error.domain', { zh: failure.zh, en: failure.en });
        return { id: input.id, background };
      }
      const override = Object.fromEntries(
        Object.entries(input.mapping).map(([index, key]) => [Number(index), key === '' ? null : key]),
      );
      try {
        // Refuse a bad mapping before touching the staged rows, so the previous preview stays.
        mapHeaders(batch.headers ?? [], importDef(register), override);
      } catch (error) {
        if (error instanceof ImportError)
          throw new UserFacingError('BAD_REQUEST', 'error.domain', { zh: error.zh, en: error.en });
        throw error;
      }
      const { background } = await repreview(ctx, input.id, register, batch.fileName, bytes, {
        mapping: override,
        sheet,
        headerRow,
      });
      return { id: input.id, background };
    }),

  /** Progress of a running preview, polled by the upload page. */
  progress: roleProcedure(...caseDataRoles)
    .meta({ auditNotFound: false })
    .input(z.object({ id: batchId }))
    .query(async ({ ctx, input }) => {
      const batch = await ctx.run((tx) => findVisibleBatch(tx, ctx.actor, input.id));
      if (!batch) throw notFound();
      return { status: batch.status, phase: batch.progressPhase, done: batch.progressDone, total: batch.progressTotal };
    }),

  /** A batch with one page each of bad rows, in-file duplicates and rows the register already holds. */
  get: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        id: batchId,
        errorsPage: page,
        duplicatesPage: page,
        existingPage: page,
        newPage: page,
        warningsPage: page,
      }),
    )
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
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
      }),
    ),

  /** Claims the batch (`committing`, visible at once) and starts the commit off the request; the page follows `progress`. */
  commit: roleProcedure(...caseDataRoles)
    .input(
      z.object({ id: batchId, acceptErrors: z.boolean().default(false), acceptWarnings: z.boolean().default(false) }),
    )
    .mutation(({ ctx, input }) => startCommit(ctx, input.id, input.acceptErrors, input.acceptWarnings)),

  /** The actor's own unit's batches, newest first, one page. */
  list: roleProcedure(...caseDataRoles)
    .input(z.object({ page }))
    .query(({ ctx, input }) => ctx.run((tx) => listOwnBatches(tx, ctx.actor, input.page))),

  cancel: roleProcedure(...caseDataRoles)
    .input(z.object({ id: batchId }))
    .mutation(async ({ ctx, input }) => {
      await cancelBatch(ctx, input.id);
      return { id: input.id };
    }),
});

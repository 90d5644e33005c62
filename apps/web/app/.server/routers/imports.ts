import { z } from 'zod';
import { badText } from '@tally/imports';
import { caseDataRoles } from '@tally/db';
import { roleProcedure, router } from '../trpc.ts';
import { listOwnBatches } from '../imports/batch-list.ts';
import { batchProgress, batchView } from '../imports/batch-view.ts';
import { cancelBatch, startCommit } from '../imports/commit-service.ts';
import { isImportKey, type ImportKey } from '../imports/import-registers.ts';
import { remapBatch } from '../imports/remap-batch.ts';
import { previewUpload } from '../imports/upload-preview.ts';

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

/** Spreadsheet imports into the registers and the petition ledger (docs/decisions/0005, 0015, 0019, 0020). */
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
    .mutation(({ ctx, input }) => previewUpload(ctx, input)),

  /** Re-run the preview with the user's column mapping, or another workbook tab or header row. */
  remap: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        id: batchId,
        mapping: mappingOverride.default({}),
        sheet: z.string().min(1).max(100).refine(storableText).optional(),
        headerRow: z.number().int().min(1).max(1_048_576).optional(),
      }),
    )
    .mutation(({ ctx, input }) => remapBatch(ctx, input)),

  /** Progress of a running preview, polled by the upload page. */
  progress: roleProcedure(...caseDataRoles)
    .meta({ auditNotFound: false })
    .input(z.object({ id: batchId }))
    .query(({ ctx, input }) => ctx.run((tx) => batchProgress(tx, ctx, input))),

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
    .query(({ ctx, input }) => ctx.run((tx) => batchView(tx, ctx, input))),

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

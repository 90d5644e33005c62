import { UserFacingError } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import type { ImportKey } from './import-registers.ts';
import { createBatch, previewIntoBatch } from './preview-service.ts';

/**
 * An upload: a new batch at the actor's own unit, previewed (parsed, checked, staged) and
 * audited. A refused file is the uploader's to fix: a 4xx with the reason, the failed batch
 * staying on record.
 */
export async function previewUpload(
  ctx: AuthedContext,
  input: { register: ImportKey; fileName: string; bytes: Uint8Array; batchId?: string | undefined },
): Promise<{ id: string }> {
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
  if (failure) throw new UserFacingError('BAD_REQUEST', 'error.domain', { zh: failure.zh, en: failure.en });
  return { id };
}

import { ImportError, mapHeaders } from '@tally/imports';
import { UserFacingError, notFound } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';
import { findOwnBatch, readFileBytes } from './batch-store.ts';
import { importDef, type ImportKey } from './import-registers.ts';
import { repreview } from './preview-service.ts';

/**
 * Re-run the preview of a previewed batch with the user's column mapping, or with another
 * workbook tab or header row. A new tab or header row has other columns, so the mapping is
 * guessed again for it (an override given with it is ignored). `background` says the
 * re-preview runs as a job the page follows.
 */
export async function remapBatch(
  ctx: AuthedContext,
  input: {
    id: string;
    mapping: Record<string, string | null>;
    sheet?: string | undefined;
    headerRow?: number | undefined;
  },
): Promise<{ id: string; background: boolean }> {
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
}

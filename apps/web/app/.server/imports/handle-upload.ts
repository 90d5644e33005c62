/**
 * The upload request, shared by the plain form post (no JS) and the XHR upload (with a
 * progress bar): read the file within the limit, then run the preview procedure. Every
 * refusal (no file, too large, a file refused by the preview) is an outcome with a
 * message, which both routes answer with 400; only a server fault is thrown.
 */
import { DEFAULT_LIMITS, badText, formatBytes } from '@tally/imports';
import type { ImportKey } from './import-registers.ts';
import { UserFacingError } from '../errors.ts';
import type { createCaller } from '../routers/root.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { readUpload } from './read-upload.ts';

export type UploadOutcome =
  | { ok: true; id: string }
  | { ok: false; messageKey: MessageKey; params: Record<string, string | number> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function handleUpload(
  request: Request,
  caller: ReturnType<typeof createCaller>,
  register: ImportKey,
): Promise<UploadOutcome> {
  const limit = DEFAULT_LIMITS.maxBytes;
  const upload = await readUpload(request, limit);
  if (!upload.ok) return { ok: false, messageKey: upload.reason, params: { limit: formatBytes(limit) } };
  // The name is stored and shown: refuse what the procedure's input check would refuse, as a message rather than a 500.
  const fileName = Array.from(upload.fileName.trim()).slice(0, 255).join('');
  if (!fileName) return { ok: false, messageKey: 'imports.error.noFile', params: {} };
  if (badText(fileName)) return { ok: false, messageKey: 'imports.error.badFileName', params: {} };
  const requested = new URL(request.url).searchParams.get('batch');
  try {
    const { id } = await caller.imports.preview({
      register,
      fileName,
      bytes: upload.bytes,
      batchId: requested && UUID.test(requested) ? requested : undefined,
    });
    return { ok: true, id };
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, messageKey: error.messageKey, params: error.params };
    throw error;
  }
}

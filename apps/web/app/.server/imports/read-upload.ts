/**
 * Read one uploaded file from a multipart request, enforcing the byte limit while the
 * body streams in: the file is never held past the limit and never parsed when over it.
 * A body far past the limit is cut off rather than drained to the end.
 */
import { Readable } from 'node:stream';
import { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';

export type UploadRefusal = 'imports.error.noFile' | 'imports.error.tooLarge' | 'imports.error.notMultipart';

/** The file, and the form's short text fields (a reason typed beside the file, say). */
export type Upload =
  | { ok: true; fileName: string; bytes: Uint8Array<ArrayBuffer>; fields: Record<string, string> }
  | { ok: false; reason: UploadRefusal };

/** Text fields beside the file are a line or two; anything longer is cut by the parser. */
const FIELD_LIMIT_BYTES = 4096;

/** Past this many times the limit we stop reading and drop the connection's body. */
const DRAIN_FACTOR = 4;

export async function readUpload(request: Request, maxBytes: number, fieldName = 'file'): Promise<Upload> {
  const contentType = request.headers.get('content-type') ?? '';
  // Node's Request body is a node:stream/web stream (the global ReadableStream is that class);
  // the check says so to the types, which know only the DOM's.
  const source = request.body;
  if (!contentType.startsWith('multipart/form-data') || !(source instanceof NodeReadableStream))
    return { ok: false, reason: 'imports.error.notMultipart' };
  // A declared length far over the limit is refused before reading a byte.
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes * DRAIN_FACTOR) return { ok: false, reason: 'imports.error.tooLarge' };

  return new Promise<Upload>((resolve) => {
    let parser: busboy.Busboy;
    try {
      // Browsers send UTF-8 file names raw: 会议记录.csv must not come out as latin1.
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: FIELD_LIMIT_BYTES },
        defParamCharset: 'utf8',
      });
    } catch {
      resolve({ ok: false, reason: 'imports.error.notMultipart' });
      return;
    }
    const chunks: Buffer[] = [];
    let fileName = '';
    let tooLarge = false;
    let sawFile = false;
    let settled = false;
    // A Map, not an object: a field named __proto__ must stay a field.
    const fields = new Map<string, string>();
    const finish = (upload: Upload) => {
      if (settled) return;
      settled = true;
      resolve(upload);
    };

    parser.on('file', (name, stream, info) => {
      if (name !== fieldName || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      fileName = info.filename ?? '';
      stream.on('data', (chunk: Buffer) => {
        if (!tooLarge) chunks.push(chunk);
      });
      stream.on('limit', () => {
        // Over the limit: drop what we have, keep draining so the browser gets an answer.
        tooLarge = true;
        chunks.length = 0;
      });
    });
    parser.on('field', (name, value) => {
      fields.set(name, value);
    });
    parser.on('close', () => {
      if (tooLarge) return finish({ ok: false, reason: 'imports.error.tooLarge' });
      const bytes = Buffer.concat(chunks);
      if (!sawFile || !fileName) return finish({ ok: false, reason: 'imports.error.noFile' });
      finish({
        ok: true,
        fileName,
        bytes: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length),
        fields: Object.fromEntries(fields),
      });
    });
    parser.on('error', () =>
      finish({ ok: false, reason: tooLarge ? 'imports.error.tooLarge' : 'imports.error.notMultipart' }),
    );

    const body = Readable.fromWeb(source);
    let received = 0;
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes * DRAIN_FACTOR) {
        body.destroy();
        finish({ ok: false, reason: 'imports.error.tooLarge' });
      }
    });
    body.on('error', () =>
      finish({ ok: false, reason: tooLarge ? 'imports.error.tooLarge' : 'imports.error.notMultipart' }),
    );
    body.pipe(parser);
  });
}

import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { formatBytes } from '@tally/imports';
import { languageFromCookie, translator } from '../app/i18n/index.ts';

/*
 * React Router's actions read a body with request.formData() and tRPC with request.json():
 * both hold all of it in memory, however large. So the body is read here first, within a
 * limit chosen by route, and handed on as bytes; past the limit the answer is 413 and the
 * connection is closed. A declared Content-Length over the limit is refused before a byte
 * is read; a chunked body is counted as it arrives and cut at the limit.
 */

/** Sign-in, language, logout and small admin forms. */
export const FORM_BODY_LIMIT = 64 * 1024;
/**
 * Record forms and tRPC: a mediation file has seven long fields of up to 4,000 characters;
 * a browser sends Chinese text percent-encoded, 9 bytes a character, about 250 KiB in all.
 */
export const RECORD_BODY_LIMIT = 512 * 1024;

/** The upload routes stream their multipart body to readUpload, which enforces the file limit as it reads. */
const UPLOAD_PATH = /^\/registers\/[^/]+\/import(?:\/upload)?(?:\.data)?\/?$/;
const RECORD_PATH = /^\/(?:api\/trpc|registers|cases|mediation)(?:[/.]|$)/;

export type BodyPolicy = { kind: 'buffered'; limit: number } | { kind: 'streamed' };

export function bodyPolicyFor(path: string): BodyPolicy {
  if (UPLOAD_PATH.test(path)) return { kind: 'streamed' };
  return { kind: 'buffered', limit: RECORD_PATH.test(path) ? RECORD_BODY_LIMIT : FORM_BODY_LIMIT };
}

function hasBody(request: IncomingMessage): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

/** The whole body, or null as soon as it is known to exceed `limit` (reading then stops keeping bytes). */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done();
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const done = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

const bodies = new WeakMap<IncomingMessage, Buffer>();

/** The body the limit middleware read for this request (undefined: none, or streamed to the route). */
export function bufferedBody(request: IncomingMessage): Buffer | undefined {
  return bodies.get(request);
}

/** Express middleware: read the body within its route's limit, or answer 413 and close. */
export async function limitBody(request: Request, response: Response, next: NextFunction): Promise<void> {
  const policy = bodyPolicyFor(request.path);
  if (policy.kind === 'streamed' || !hasBody(request)) return next();
  let body: Buffer | null;
  try {
    body = await readBody(request, policy.limit);
  } catch (error) {
    return next(error);
  }
  if (body) {
    bodies.set(request, body);
    return next();
  }
  // Whatever still arrives is discarded, not kept, until the connection closes after the answer.
  request.resume();
  const t = translator(languageFromCookie(request.get('cookie') ?? null));
  response
    .status(413)
    .set('Connection', 'close')
    .type('text/plain; charset=utf-8')
    .send(t('error.tooLarge', { limit: formatBytes(policy.limit) }));
}

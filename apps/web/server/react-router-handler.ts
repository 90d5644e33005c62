import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from 'express';
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from '@react-router/node';
import { createRequestHandler, type AppLoadContext, type ServerBuild } from 'react-router';
import { keptPageKey } from '../app/.server/dashboard/kept-page-key.ts';
import { bufferedBody } from './body-limit.ts';
import { bodyWithNonce, cutAtNonce, isKeptPagePath, type KeptPage, KeptPages } from './kept-pages.ts';

/*
 * @react-router/express's handler, with the request body taken from the limit middleware
 * (body-limit.ts) instead of the socket, and no-store on every answer: pages, tRPC and
 * exports carry personal data, and no shared or browser cache should keep them.
 */

function webRequest(req: ExpressRequest, res: ExpressResponse): globalThis.Request {
  // The host as @react-router/express resolves it: Host (or X-Forwarded-Host behind a trusted proxy), cut at any URL delimiter.
  const [, forwardedPort] = req.app.enabled('trust proxy') ? (req.get('X-Forwarded-Host')?.split(':') ?? []) : [];
  const [, hostPort] = req.get('host')?.split(':') ?? [];
  const port = [forwardedPort, hostPort].map((value) => Number.parseInt(value ?? '', 10)).find(Number.isSafeInteger);
  const hostname = req.hostname.split(/[\\/?#@]/)[0] || 'localhost';
  const url = new URL(`${req.protocol}://${hostname}${port ? `:${port}` : ''}${req.originalUrl}`);
  const controller = new AbortController();
  let finished = false;
  res.on('finish', () => {
    finished = true;
  });
  res.on('close', () => {
    if (!finished) controller.abort();
  });
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else if (values) headers.set(key, values);
  }
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const buffered = bufferedBody(req);
    init.body = buffered ? new Uint8Array(buffered) : createReadableStreamFromReadable(req);
    init.duplex = 'half';
  }
  return new Request(url.href, init);
}

function sendHead(res: ExpressResponse, status: number, headers: Iterable<readonly [string, string]>): void {
  res.status(status);
  for (const [key, value] of headers) res.append(key, value);
  res.set('Cache-Control', 'no-store');
}

async function send(res: ExpressResponse, response: globalThis.Response): Promise<void> {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  sendHead(res, response.status, response.headers.entries());
  if (!response.body) {
    res.end();
    return;
  }
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    if (!res.destroyed && !res.writableEnded) throw error;
  }
}

function sendBody(res: ExpressResponse, page: KeptPage, body: Buffer, kept: 'hit' | 'miss'): void {
  if (res.destroyed || res.writableEnded) return;
  sendHead(res, page.status, page.headers);
  res.set('X-Kept-Page', kept);
  res.end(body);
}

/** A browser's forced reload (Ctrl+F5) asks for a page rendered anew: it is rendered and kept again. */
function asksForFreshPage(req: ExpressRequest): boolean {
  return /no-cache/i.test(req.get('cache-control') ?? '') || /no-cache/i.test(req.get('pragma') ?? '');
}

type Handle = (request: globalThis.Request, context: AppLoadContext) => Promise<globalThis.Response>;

/**
 * A kept page's request (server/kept-pages.ts): the session is checked and the county's data
 * version read first; a page kept under that key is answered with this response's nonce, otherwise
 * the page is rendered, answered and kept (other readers of the same key meanwhile wait for it).
 */
async function answerKeptPage(
  pages: KeptPages,
  handle: Handle,
  req: ExpressRequest,
  res: ExpressResponse,
  request: globalThis.Request,
  context: AppLoadContext,
): Promise<void> {
  const nonce = context.cspNonce;
  const key = nonce ? await keptPageKey(request, context) : null;
  if (!key || !nonce) {
    await send(res, await handle(request, context));
    return;
  }
  const found = asksForFreshPage(req) ? null : pages.find(key);
  const page = found ? await found : null;
  if (page) {
    sendBody(res, page, bodyWithNonce(page, nonce), 'hit');
    return;
  }
  let settle: (page: KeptPage | null) => void = () => {};
  pages.keep(
    key,
    new Promise<KeptPage | null>((resolve) => {
      settle = resolve;
    }),
  );
  try {
    const response = await handle(request, context);
    const keepable =
      response.status === 200 &&
      !response.headers.has('set-cookie') &&
      (response.headers.get('content-type') ?? '').startsWith('text/html');
    if (!keepable) {
      settle(null);
      await send(res, response);
      return;
    }
    const body = Buffer.from(await response.arrayBuffer());
    const rendered: KeptPage = {
      status: response.status,
      headers: [...response.headers.entries()],
      parts: cutAtNonce(body, nonce),
      bytes: body.length,
    };
    // A render error after the first bytes (entry.server.tsx) still answers 200: never keep that page.
    settle(context.renderFailed ? null : rendered);
    sendBody(res, rendered, body, 'miss');
  } catch (error) {
    settle(null);
    throw error;
  }
}

export function reactRouterHandler(
  build: ServerBuild,
  loadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext,
) {
  const handle = createRequestHandler(build, 'production');
  const pages = new KeptPages();
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = webRequest(req, res);
      const context = loadContext(req, res);
      if (req.method === 'GET' && isKeptPagePath(req.path))
        await answerKeptPage(pages, handle, req, res, request, context);
      else await send(res, await handle(request, context));
    } catch (error) {
      next(error);
    }
  };
}

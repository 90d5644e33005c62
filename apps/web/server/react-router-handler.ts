import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from 'express';
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from '@react-router/node';
import { createRequestHandler, type AppLoadContext, type ServerBuild } from 'react-router';
import { bufferedBody } from './body-limit.ts';

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

async function send(res: ExpressResponse, response: globalThis.Response): Promise<void> {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  res.set('Cache-Control', 'no-store');
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

export function reactRouterHandler(
  build: ServerBuild,
  loadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext,
) {
  const handle = createRequestHandler(build, 'production');
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      await send(res, await handle(webRequest(req, res), loadContext(req, res)));
    } catch (error) {
      next(error);
    }
  };
}

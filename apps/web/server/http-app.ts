import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ServerBuild } from 'react-router';
import { isCrossSiteRequest } from '../app/.server/auth/csrf.ts';
import { log } from '../app/.server/log.ts';
import { limitBody } from './body-limit.ts';
import { reactRouterHandler } from './react-router-handler.ts';
import { cspNonceOf, securityHeaders } from './security-headers.ts';

/** Where the production build is: apps/web/build, or TALLY_BUILD_DIR (the browser tests build into their own folder). */
export const buildDirectory = process.env.TALLY_BUILD_DIR
  ? resolve(fileURLToPath(new URL('..', import.meta.url)), process.env.TALLY_BUILD_DIR)
  : fileURLToPath(new URL('../build', import.meta.url));

export interface HttpOptions {
  port: number;
  host: string;
  secureCookies: boolean;
}

/** Last stop for an error nothing else answered: logged without values, a plain 500 without details. */
function lastResort(error: unknown, request: Request, response: Response, next: NextFunction): void {
  log.error({ err: error, method: request.method, url: request.path }, 'request failed outside the app');
  if (response.headersSent) {
    next(error);
    return;
  }
  response.status(500).type('text/plain; charset=utf-8').send('操作失败，请稍后重试 (internal error)');
}

/** The first segment of a path as serve-static would read it from the disk ('' when it is not valid percent-encoding). */
function decodeFirstSegment(path: string): string {
  try {
    return decodeURIComponent(path.split('/')[1] ?? '');
  } catch {
    return '';
  }
}

/** Express in front of the React Router build: headers, CSRF refusal, static assets, body limits, then the app. */
export async function startHttpServer(options: HttpOptions): Promise<{ server: Server; url: string }> {
  const build = (await import(`${buildDirectory}/server/index.js`)) as ServerBuild;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ https: options.secureCookies }));
  app.use((request, response, next) => {
    const headers = { get: (name: string) => request.get(name) ?? null };
    if (isCrossSiteRequest(request.method, headers, request.get('host') ?? null)) {
      response.status(403).type('text/plain; charset=utf-8').send('请求来源不合法 (cross-site request refused)');
      return;
    }
    next();
  });
  app.use('/assets', express.static(`${buildDirectory}/client/assets`, { immutable: true, maxAge: '1y' }));
  // The build's other public files (favicon.svg): asked of the disk only for the names the build
  // holds, not on every page request (a stat per request that fails was 8 % of a dashboard
  // request's CPU under load).
  const publicFiles = new Set(readdirSync(`${buildDirectory}/client`));
  const publicStatic = express.static(`${buildDirectory}/client`, { maxAge: '1h' });
  app.use((request, response, next) => {
    if (publicFiles.has(decodeFirstSegment(request.path))) publicStatic(request, response, next);
    else next();
  });
  app.use(limitBody);
  app.use(
    reactRouterHandler(build, (request) => ({
      ip: request.ip ?? null,
      secureCookies: options.secureCookies,
      cspNonce: cspNonceOf(request),
    })),
  );
  app.use(lastResort);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}` };
}

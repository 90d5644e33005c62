import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@react-router/express';
import express from 'express';
import type { ServerBuild } from 'react-router';
import { isCrossSiteRequest } from '../app/server/auth/csrf.ts';

export const buildDirectory = fileURLToPath(new URL('../build', import.meta.url));

export interface HttpOptions {
  port: number;
  host: string;
  secureCookies: boolean;
}

/** Express in front of the React Router build: CSRF refusal, static assets, then the app. */
export async function startHttpServer(options: HttpOptions): Promise<{ server: Server; url: string }> {
  const build = (await import(`${buildDirectory}/server/index.js`)) as ServerBuild;
  const app = express();
  app.disable('x-powered-by');
  app.use((request, response, next) => {
    const headers = { get: (name: string) => request.get(name) ?? null };
    if (isCrossSiteRequest(request.method, headers, request.get('host') ?? null)) {
      response.status(403).type('text/plain; charset=utf-8').send('请求来源不合法 (cross-site request refused)');
      return;
    }
    next();
  });
  app.use('/assets', express.static(`${buildDirectory}/client/assets`, { immutable: true, maxAge: '1y' }));
  app.use(express.static(`${buildDirectory}/client`, { maxAge: '1h' }));
  app.use(
    createRequestHandler({
      build,
      mode: 'production',
      getLoadContext: (request) => ({ ip: request.ip ?? null, secureCookies: options.secureCookies }),
    }),
  );
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}` };
}

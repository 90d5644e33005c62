import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

const nonces = new WeakMap<IncomingMessage, string>();

/** This request's CSP nonce: React Router's inline hydration scripts carry it (app/entry.server.tsx). */
export function cspNonceOf(request: IncomingMessage): string | undefined {
  return nonces.get(request);
}

function assignNonce(request: Request, _response: Response, next: NextFunction): void {
  nonces.set(request, randomBytes(16).toString('base64'));
  next();
}

/**
 * Headers on every response. Scripts run only from this origin or with this response's
 * nonce, so an injected <script> does not run; no page may be framed (clickjacking); no
 * MIME sniffing; the Referer never leaves the site (URLs carry unit codes and filters).
 * HSTS and upgrade-insecure-requests only when served over HTTPS (SECURE_COOKIES=1): many
 * county offices reach the app over plain HTTP on their own network.
 */
export function securityHeaders(options: { https: boolean }): RequestHandler[] {
  return [
    assignNonce,
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (request) => `'nonce-${cspNonceOf(request) ?? ''}'`],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: options.https ? [] : null,
        },
      },
      strictTransportSecurity: options.https ? { maxAge: 180 * 24 * 3600 } : false,
      referrerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' },
    }),
  ];
}

import { redirect } from 'react-router';
import { withActor, type Actor, type UserRole } from '@tally/db';
import { appendRoleDenial } from './services/audit.ts';
import { SESSION_COOKIE, clearedSessionCookie, readCookie } from './auth/cookie.ts';
import { validateSession } from './auth/sessions.ts';
import { createCaller } from './routers/root.ts';
import { requestDatabase } from './services/database.ts';
import type { RequestContext } from './trpc.ts';

export interface ServerContext {
  ip: string | null;
  secureCookies: boolean;
  /** This response's Content-Security-Policy nonce (server/security-headers.ts). */
  cspNonce?: string;
}

declare module 'react-router' {
  interface AppLoadContext extends ServerContext {}
}

type PageContext = RequestContext & { expired: boolean };

/**
 * One session check per page request: a page's loaders (the layout's and the route's, run side by
 * side) share the Request object, and each asked for the caller; the second check read the same
 * session row with the same cookie at the same moment. Only reads (GET, HEAD) share it: after an
 * action (a password reset, a deactivated unit) the loaders that follow check the session anew,
 * and every later request checks it again, so an ended session is refused at once.
 */
const contextsByRequest = new WeakMap<Request, Promise<PageContext>>();

/** The tRPC context for one request: the actor from the session cookie, or null. */
export function contextFor(request: Request, server: ServerContext): Promise<PageContext> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return readContext(request, server);
  let context = contextsByRequest.get(request);
  if (!context) {
    context = readContext(request, server);
    contextsByRequest.set(request, context);
  }
  return context;
}

async function readContext(request: Request, server: ServerContext): Promise<PageContext> {
  const db = requestDatabase().db;
  const now = new Date();
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (!token) return { db, actor: null, ip: server.ip, now, expired: false };
  const check = await validateSession(db, token, now);
  return { db, actor: check.actor, ip: server.ip, now, expired: check.actor === null && check.expired };
}

/** Loader/action guard: the signed-in actor and a server-side tRPC caller, or a redirect to sign-in. */
export async function requireCaller(
  request: Request,
  server: ServerContext,
): Promise<{ actor: Actor; caller: ReturnType<typeof createCaller> }> {
  const context = await contextFor(request, server);
  if (!context.actor) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ next: url.pathname + url.search });
    if (context.expired) params.set('expired', '1');
    throw redirect(`/login?${params}`, { headers: { 'Set-Cookie': clearedSessionCookie(server.secureCookies) } });
  }
  return { actor: context.actor, caller: createCaller(context) };
}

/**
 * Page guard: a role outside `roles` gets 403, and the refusal is audited
 * like a refused procedure call.
 */
export async function requireRole(
  actor: Actor,
  roles: readonly UserRole[],
  request: Request,
  server: ServerContext,
): Promise<void> {
  if (roles.includes(actor.role)) return;
  await withActor(requestDatabase().db, actor, (tx) =>
    appendRoleDenial(tx, actor, `page:${new URL(request.url).pathname}`, server.ip, new Date()),
  );
  throw new Response('forbidden', { status: 403 });
}

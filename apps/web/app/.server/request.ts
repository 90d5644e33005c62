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
  /** Set by entry.server.tsx when rendering failed after the first bytes went out: such a page is never kept. */
  renderFailed?: boolean;
}

declare module 'react-router' {
  interface AppLoadContext extends ServerContext {}
}

/** A page request's context: the tRPC context, whether a presented session had expired, and the user's display name. */
export type PageContext = RequestContext & { expired: boolean; displayName: string | null };

/**
 * One session check per page request. A page's loaders (the layout's and the route's) run side by
 * side and each asks for the caller. React Router hands each loader a Request of its own (the same
 * URL and headers, different objects), but one load context: the object http-app.ts makes for each
 * HTTP request. So the check is shared through that object. Only reads (GET, HEAD) share it: an
 * action checks the session itself, the loaders after it check it anew, and every later request
 * checks it again, so an ended session is refused at once. The entry also holds the cookie it was
 * made for: a context reused with another cookie (never the case in http-app.ts) is checked anew.
 */
const contextsByRequest = new WeakMap<ServerContext, { cookie: string | null; context: Promise<PageContext> }>();

/** The tRPC context for one request: the actor from the session cookie, or null. */
export function contextFor(request: Request, server: ServerContext): Promise<PageContext> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return readContext(request, server);
  const cookie = request.headers.get('cookie');
  const shared = contextsByRequest.get(server);
  if (shared && shared.cookie === cookie) return shared.context;
  const context = readContext(request, server);
  contextsByRequest.set(server, { cookie, context });
  return context;
}

async function readContext(request: Request, server: ServerContext): Promise<PageContext> {
  const db = requestDatabase().db;
  const now = new Date();
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (!token) return { db, actor: null, ip: server.ip, now, expired: false, displayName: null };
  const check = await validateSession(db, token, now);
  return check.actor
    ? { db, actor: check.actor, ip: server.ip, now, expired: false, displayName: check.displayName }
    : { db, actor: null, ip: server.ip, now, expired: check.expired, displayName: null };
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

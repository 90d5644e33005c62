import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { languageFromCookie, translator } from '../i18n/index.ts';
import { clientErrorFor } from './db-errors.ts';
import { UserFacingError } from './errors.ts';
import { firstIssue, issueMessage } from './input-refusal.ts';

/**
 * A refusal thrown by a procedure a page called (a foreign id or unit, a malformed filter,
 * an impossible date), as a 4xx Response carrying the message in the user's language; the
 * root error boundary shows it. Anything else, a 500, is not ours to dress up: null.
 */
export function pageErrorResponse(error: unknown, request: Request): Response | null {
  const t = translator(languageFromCookie(request.headers.get('cookie')));
  const refusal = clientErrorFor(error) ?? error;
  if (!(refusal instanceof TRPCError)) return null;
  const status = getHTTPStatusCodeFromError(refusal);
  if (status >= 500 || status === 401) return null;
  let message: string;
  if (refusal instanceof UserFacingError) message = t(refusal.messageKey, refusal.params);
  else if (refusal.code === 'BAD_REQUEST') {
    const issue = firstIssue(refusal);
    message = issue ? issueMessage(issue, t).message : t('error.badRequest');
  } else message = status === 404 ? t('error.notFound') : status === 403 ? t('error.forbidden') : t('error.badRequest');
  return Response.json({ message }, { status });
}

/**
 * Wrap a loader or action so a refusal becomes its 4xx page instead of a 500. Every route
 * that calls procedures uses it; thrown Responses (redirects, 404s) pass through untouched.
 */
export function pageHandler<Args extends { request: Request }, Result>(
  handler: (args: Args) => Promise<Result>,
): (args: Args) => Promise<Result> {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      throw pageErrorResponse(error, args.request) ?? error;
    }
  };
}

/**
 * A record the page is about that is missing, out of scope, or named by a malformed id is
 * a 404 page, like any other unknown address (a refused id reveals nothing). The one
 * not-found handler of the pages: other refusals go on to pageHandler.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      throw new Response('not found', { status: 404 });
    throw error;
  }
}

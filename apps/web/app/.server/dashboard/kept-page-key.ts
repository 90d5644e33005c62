import { shanghaiDate } from '@tally/casework';
import { withActor } from '@tally/db';
import { languageFromCookie } from '../../i18n/index.ts';
import { contextFor, type ServerContext } from '../request.ts';
import { cacheInputs } from './result-cache.ts';

/**
 * The key a kept page is found under (server/kept-pages.ts, docs/decisions/0025-kept-dashboard-pages.md),
 * or null when the request has no valid session (the page's own loaders then answer: a redirect
 * to sign in). The session check is the one the page's loaders share on a miss.
 *
 * Everything a kept page shows depends on what the key names: the reader (user, role, scope and
 * unit decide the rows the policies let through, the navigation and the header; the display
 * name is in the header), the address (path and query), the language, the Shanghai day (live
 * results read up to today) and the county's dashboard data version, which every change to a
 * table these pages read bumps in its own transaction (`dashboardInputTables`, units and
 * published results among them). The version is read before anything is rendered, so a page
 * rendered after reading version v holds every change up to v.
 */
export async function keptPageKey(request: Request, server: ServerContext): Promise<string | null> {
  const context = await contextFor(request, server);
  const actor = context.actor;
  if (!actor) return null;
  const { data } = await withActor(context.db, actor, (tx) => cacheInputs(tx, actor.countyId, []));
  const url = new URL(request.url);
  return JSON.stringify([
    actor.countyId,
    actor.userId,
    actor.role,
    actor.scope,
    actor.unitCode,
    context.displayName,
    url.pathname,
    url.search,
    languageFromCookie(request.headers.get('cookie')),
    shanghaiDate(context.now),
    data.version,
  ]);
}

import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { log } from '../.server/log.ts';
import { contextFor } from '../.server/request.ts';
import { appRouter } from '../.server/routers/root.ts';
import type { Route } from './+types/api-trpc';

/** The most calls one batched request may carry: each runs its own transaction. */
export const MAX_BATCH_SIZE = 10;

/** tRPC over HTTP for widgets and other systems; the same procedures the loaders call. */
function handle({ request, context }: Route.LoaderArgs | Route.ActionArgs) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => contextFor(request, context),
    onError({ error, path }) {
      // Refusals are answers, not failures; a 500 is logged without its statement or values (safe-error.ts).
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error, path }, 'procedure failed');
    },
  });
}

export const loader = handle;
export const action = handle;

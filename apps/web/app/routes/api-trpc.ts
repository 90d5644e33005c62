import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { ActionFunctionArgs, LoaderFunctionArgs } from 'react-router';
import { log } from '../.server/log.ts';
import { contextFor } from '../.server/request.ts';
import { appRouter } from '../.server/routers/root.ts';

/** The most calls one batched request may carry: each runs its own transaction. */
export const MAX_BATCH_SIZE = 10;

/** tRPC over HTTP for widgets and other systems; the same procedures the loaders call. */
function handle({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
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

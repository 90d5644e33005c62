import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { ActionFunctionArgs, LoaderFunctionArgs } from 'react-router';
import { contextFor } from '../server/request.ts';
import { appRouter } from '../server/routers/root.ts';

/** tRPC over HTTP for widgets and other systems; the same procedures the loaders call. */
function handle({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => contextFor(request, context),
  });
}

export const loader = handle;
export const action = handle;

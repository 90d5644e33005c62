import { createCallerFactory, router } from '../trpc.ts';
import { auditRouter } from './audit.ts';
import { casesRouter } from './cases.ts';
import { importsRouter } from './imports.ts';
import { sessionRouter } from './session.ts';
import { unitsRouter } from './units.ts';
import { usersRouter } from './users.ts';

/** Every procedure the app exposes, one router per domain. */
export const appRouter = router({
  session: sessionRouter,
  units: unitsRouter,
  users: usersRouter,
  audit: auditRouter,
  cases: casesRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

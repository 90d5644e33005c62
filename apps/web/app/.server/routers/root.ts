import { createCallerFactory, router } from '../trpc.ts';
import { assessmentRouter } from './assessment.ts';
import { auditRouter } from './audit.ts';
import { calendarRouter } from './calendar.ts';
import { casesRouter } from './cases.ts';
import { registersRouter } from './registers.ts';
import { disputesRouter } from './disputes.ts';
import { mediationRouter } from './mediation.ts';
import { importsRouter } from './imports.ts';
import { checksRouter } from './checks.ts';
import { dashboardRouter } from './dashboard.ts';
import { reportsRouter } from './reports.ts';
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
  registers: registersRouter,
  calendar: calendarRouter,
  disputes: disputesRouter,
  mediation: mediationRouter,
  imports: importsRouter,
  assessment: assessmentRouter,
  checks: checksRouter,
  dashboard: dashboardRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

import { index, layout, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.tsx'),
  route('lang', 'routes/lang.tsx'),
  route('api/trpc/*', 'routes/api-trpc.ts'),
  layout('routes/app-layout.tsx', [
    index('routes/home.tsx'),
    route('units', 'routes/units.tsx'),
    route('users', 'routes/users.tsx'),
    route('audit', 'routes/audit.tsx'),
    route('calendar', 'routes/calendar.tsx'),
    route('disputes/rates', 'routes/disputes-rates.tsx'),
    route('mediation', 'routes/mediation.tsx'),
    route('mediation/:id/agreement', 'routes/mediation-agreement.tsx'),
  ]),
] satisfies RouteConfig;

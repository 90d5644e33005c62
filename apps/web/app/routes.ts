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
    route('registers', 'routes/registers.tsx'),
    route('registers/:register', 'routes/register-list.tsx'),
    route('registers/:register/new', 'routes/register-new.tsx'),
    route('registers/:register/export', 'routes/register-export.ts'),
    route('registers/:register/:id', 'routes/register-record.tsx'),
    route('cases', 'routes/cases.tsx'),
    route('cases/new', 'routes/cases-new.tsx'),
    route('cases/export', 'routes/case-export.ts'),
    route('cases/figures', 'routes/case-figures.tsx'),
    route('cases/:id', 'routes/case-detail.tsx'),
    route('cases/:id/notice', 'routes/case-notice.tsx'),
    route('calendar', 'routes/calendar.tsx'),
    route('disputes/rates', 'routes/disputes-rates.tsx'),
    route('mediation', 'routes/mediation.tsx'),
    route('mediation/:id/agreement', 'routes/mediation-agreement.tsx'),
  ]),
] satisfies RouteConfig;

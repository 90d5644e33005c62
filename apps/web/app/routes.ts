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
    route('registers/:register/import', 'routes/register-import.tsx'),
    route('registers/:register/import/upload', 'routes/register-import-upload.ts'),
    route('registers/:register/import/:batchId', 'routes/register-import-batch.tsx'),
  ]),
] satisfies RouteConfig;

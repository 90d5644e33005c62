import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import routes from '@tally/web/routes';
import { buildWebApp, startApp, type RunningApp } from '../setup/app-server.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../setup/test-database.ts';
import { signIn } from './support/http-client.ts';

/*
 * Every page of the app has its own document title, in the user's language: a walk over
 * every page route (read from routes.ts, so a new page joins the walk or fails it) as a
 * role that may open it, on the demo county. A title equal to the app's bare name, or one
 * shared by two pages, fails.
 */
let database: TestDatabase;
let app: RunningApp;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  buildWebApp();
  database = await createTestDatabase();
  app = await startApp(database.ownerUrl, { demoData: true });
  for (const login of ['admin', 'auditor', 'cun0101', 'zhen01']) cookies[login] = await signIn(app.url, login);
  const first = async (text: string, ...params: unknown[]) =>
    String((await ownerRows(database, text, ...params))[0]?.id ?? '');
  const [village] = await ownerRows(database, `select unit_code from users where login_name = 'cun0101'`);
  ids.village = String(village!.unit_code);
  ids.township = `${ids.village.slice(0, 9)}000`;
  ids.case = await first(`select id from petition_cases order by received_at desc limit 1`);
  ids.overdue = await first(
    `select id from petition_cases where closed_at is null and due_on < (now() at time zone 'Asia/Shanghai')::date order by due_on limit 1`,
  );
  ids.meeting = await first(`select id from meetings where unit_code = $1 limit 1`, ids.village);
  ids.mediation = await first(`select id from mediation_files where unit_code = $1 limit 1`, ids.village);
  ids.report = await first(`select id from reports where unit_code = $1 limit 1`, ids.village);
  ids.result = await first(`select id from assessment_results limit 1`);
  // The demo county loads first (about 41,000 rows): more than the default hook time on a busy machine.
}, 600_000);
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

/** Page routes (a component, not a download or a stream) as written in routes.ts. */
function pagePaths(): string[] {
  const paths: string[] = [];
  const walk = (entries: ReadonlyArray<{ path?: string; file: string; index?: boolean; children?: unknown }>) => {
    for (const entry of entries) {
      if (entry.children) walk(entry.children as typeof entries);
      else if (entry.file.endsWith('.tsx') && !entry.file.endsWith('app-layout.tsx'))
        paths.push(entry.index ? '/' : `/${entry.path}`);
    }
  };
  walk(routes);
  return paths;
}

/** Form posts that answer with a redirect: no page, no title. */
const notPages = new Set(['/logout', '/lang']);

/** Where each page route is opened, and as whom. */
const walk: Record<string, { url: () => string; as: string }> = {
  '/': { url: () => '/', as: 'admin' },
  '/login': { url: () => '/login', as: '' },
  '/units': { url: () => '/units', as: 'admin' },
  '/users': { url: () => '/users', as: 'admin' },
  '/audit': { url: () => '/audit', as: 'auditor' },
  '/registers': { url: () => '/registers', as: 'cun0101' },
  '/registers/:register': { url: () => '/registers/meetings', as: 'cun0101' },
  '/registers/:register/new': { url: () => '/registers/meetings/new', as: 'cun0101' },
  '/registers/:register/:id': { url: () => `/registers/meetings/${ids.meeting}`, as: 'cun0101' },
  '/registers/:register/import': { url: () => '/registers/meetings/import', as: 'cun0101' },
  '/registers/:register/import/:batchId': { url: () => '', as: 'cun0101' },
  '/imports': { url: () => '/imports', as: 'cun0101' },
  '/cases': { url: () => '/cases', as: 'admin' },
  '/cases/new': { url: () => '/cases/new', as: 'admin' },
  '/cases/notices': { url: () => '/cases/notices', as: 'admin' },
  '/cases/figures': { url: () => '/cases/figures', as: 'admin' },
  '/cases/:id': { url: () => `/cases/${ids.case}`, as: 'admin' },
  '/cases/:id/notice': { url: () => `/cases/${ids.overdue}/notice`, as: 'admin' },
  '/calendar': { url: () => '/calendar', as: 'admin' },
  '/disputes/rates': { url: () => '/disputes/rates', as: 'admin' },
  '/mediation': { url: () => '/mediation', as: 'cun0101' },
  '/mediation/:id/agreement': { url: () => `/mediation/${ids.mediation}/agreement`, as: 'cun0101' },
  '/dashboard': { url: () => '/dashboard', as: 'admin' },
  '/dashboard/trends': { url: () => '/dashboard/trends', as: 'admin' },
  '/dashboard/compare': { url: () => '/dashboard/compare', as: 'admin' },
  '/dashboard/honours/:id': { url: () => (ids.result ? `/dashboard/honours/${ids.result}` : ''), as: 'admin' },
  '/assessment': { url: () => '/assessment', as: 'admin' },
  '/assessment/rules': { url: () => '/assessment/rules', as: 'admin' },
  // Previews a draft of the rules; the demo county has none (400 without one).
  '/assessment/preview': { url: () => '', as: 'admin' },
  '/assessment/results/:id': { url: () => (ids.result ? `/assessment/results/${ids.result}` : ''), as: 'admin' },
  '/assessment/results/:id/:unitCode': {
    url: () => (ids.result ? `/assessment/results/${ids.result}/${ids.township}` : ''),
    as: 'admin',
  },
  '/checks/inspections': { url: () => '/checks/inspections', as: 'admin' },
  '/checks/inspections/import': { url: () => '/checks/inspections/import', as: 'admin' },
  '/checks/inspections/:unitCode': { url: () => `/checks/inspections/${ids.township}`, as: 'admin' },
  '/checks/events': { url: () => '/checks/events', as: 'admin' },
  '/reports': { url: () => '/reports', as: 'cun0101' },
  '/reports/matrix': { url: () => '/reports/matrix', as: 'admin' },
  '/reports/immediate': { url: () => '/reports/immediate', as: 'cun0101' },
  '/reports/:id': { url: () => `/reports/${ids.report}`, as: 'cun0101' },
  '/reports/:id/print': { url: () => `/reports/${ids.report}/print`, as: 'cun0101' },
};

async function titleOf(
  url: string,
  as: string,
  language: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ status: number; title: string }> {
  const cookie = [as ? cookies[as] : '', language === 'en' ? 'lang=en' : ''].filter(Boolean).join('; ');
  const response = await fetch(`${app.url}${url}`, { headers: { cookie }, redirect: 'manual' });
  const html = await response.text();
  const titles = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1]!);
  expect(titles, `${url}: one <title>`).toHaveLength(1);
  return { status: response.status, title: titles[0]! };
}

describe('page titles', () => {
  it('every page route is in the walk', () => {
    expect(pagePaths().filter((path) => !(path in walk) && !notPages.has(path))).toEqual([]);
  });

  it('every page has its own title, not the bare app name (Chinese, then English)', { timeout: 300_000 }, async () => {
    for (const [language, app] of [
      ['zh-CN', '综治考评台账'],
      ['en', 'Governance Assessment Ledger'],
    ] as const) {
      const seen = new Map<string, string>();
      for (const [route, { url, as }] of Object.entries(walk)) {
        const path = url();
        // The demo county has no import batch, rules draft or published result to open: those pages are titled the same way but not walked.
        if (!path) continue;
        const { status, title } = await titleOf(path, as, language);
        expect(status, `${route} (${path})`).toBe(200);
        expect(title, route).not.toBe(app);
        expect(title.endsWith(` · ${app}`), `${route}: ${title}`).toBe(true);
        expect(seen.get(title), `${route} and ${seen.get(title)} share "${title}"`).toBeUndefined();
        seen.set(title, route);
      }
    }
  });

  it('names the record: a case by its number', async () => {
    const [row] = await ownerRows(database, `select case_number from petition_cases where id = $1`, ids.case);
    expect((await titleOf(`/cases/${ids.case}`, 'admin')).title).toBe(
      `信访件 ${String(row!.case_number)} · 综治考评台账`,
    );
  });
});

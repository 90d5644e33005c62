import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, startApp, type RunningApp } from '../setup/app-server.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../setup/test-database.ts';
import { signIn } from './support/http-client.ts';

/*
 * Every page that takes an id or a unit, and every list filter, with what a hostile or
 * careless user puts in the URL: another unit's record, a malformed id, a unit outside the
 * scope, impossible dates. Each answer is a 4xx page with a message, never a 500.
 */
let database: TestDatabase;
let app: RunningApp;
let cookie = '';
const ids: Record<string, string> = {};

/** One row of another township than the village user's: out of scope whatever its table. */
async function foreignId(table: string, township: string): Promise<string> {
  const [row] = await ownerRows(
    database,
    `select id from ${table} where not starts_with(unit_code, $1) limit 1`,
    township,
  );
  if (!row) throw new Error(`the demo data has no ${table} row outside ${township}`);
  return String(row.id);
}

beforeAll(async () => {
  buildWebApp();
  database = await createTestDatabase();
  app = await startApp(database.ownerUrl, { demoData: true });
  cookie = await signIn(app.url, 'cun0101');
  const [user] = await ownerRows(database, `select unit_code from users where login_name = 'cun0101'`);
  const village = String(user!.unit_code);
  const township = village.slice(0, 9);
  const [sibling] = await ownerRows(
    database,
    `select code from units where level = 'village' and code <> $1 order by code limit 1`,
    village,
  );
  ids.sibling = String(sibling!.code);
  ids.case = await foreignId('petition_cases', township);
  ids.dispute = await foreignId('disputes', township);
  ids.meeting = await foreignId('meetings', township);
  ids.mediation = await foreignId('mediation_files', township);
  ids.report = await foreignId('reports', township);
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

type Row = [url: () => string, status: number, message: string];
const NOT_FOUND = '对象不存在或不在您的管辖范围内';
const rows: Row[] = [
  // Another unit's records, and ids that are not ids.
  [() => `/cases/${ids.case}`, 404, NOT_FOUND],
  [() => `/cases/${ids.case}/notice`, 404, NOT_FOUND],
  [() => '/cases/not-a-uuid', 404, NOT_FOUND],
  [() => `/cases/${randomUUID()}`, 404, NOT_FOUND],
  [() => `/registers/disputes/${ids.dispute}`, 404, NOT_FOUND],
  [() => `/registers/meetings/${ids.meeting}`, 404, NOT_FOUND],
  [() => '/registers/meetings/not-a-uuid', 404, NOT_FOUND],
  [() => `/registers/no-such-register/${randomUUID()}`, 404, NOT_FOUND],
  [() => `/mediation/${ids.mediation}/agreement`, 404, NOT_FOUND],
  [() => `/mediation/${randomUUID()}/agreement`, 404, NOT_FOUND],
  [() => '/mediation/not-a-uuid/agreement', 404, NOT_FOUND],
  [() => `/registers/meetings/import/${randomUUID()}`, 404, NOT_FOUND],
  [() => '/registers/meetings/import/not-a-uuid', 404, NOT_FOUND],
  [() => '/assessment/results/not-a-uuid', 404, NOT_FOUND],
  [() => `/assessment/results/${randomUUID()}`, 404, NOT_FOUND],
  [() => `/assessment/results/${randomUUID()}/abc`, 404, NOT_FOUND],
  [() => `/assessment/results/${randomUUID()}/${ids.sibling}`, 404, NOT_FOUND],
  [() => `/reports/${ids.report}`, 404, NOT_FOUND],
  [() => `/reports/${ids.report}/print`, 404, NOT_FOUND],
  [() => `/reports/${ids.report}/docx`, 404, NOT_FOUND],
  [() => '/reports/not-a-uuid', 404, NOT_FOUND],
  [() => `/reports/${randomUUID()}/print`, 404, NOT_FOUND],
  // Units outside the scope, and codes that are not codes.
  [() => `/registers/meetings?unit=${ids.sibling}`, 404, NOT_FOUND],
  [() => '/registers/meetings?unit=999999999999', 404, NOT_FOUND],
  [() => '/registers/meetings?unit=abc', 400, '单位的格式不正确'],
  [() => `/registers/meetings/export?format=csv&unit=${ids.sibling}`, 404, NOT_FOUND],
  [() => `/cases/notices?unit=${ids.sibling}`, 404, NOT_FOUND],
  [() => `/disputes/rates?unit=${ids.sibling}`, 404, NOT_FOUND],
  // Dates that do not exist or are not dates.
  [() => '/registers/meetings?from=2024-02-30', 400, '起始日期应为有效的日期'],
  [() => '/registers/meetings?from=abc', 400, '起始日期应为有效的日期'],
  [() => '/registers/meetings?to=99999-01-01', 400, '截止日期应为有效的日期'],
  [() => '/registers/disputes?from=2026-13-01&to=2026-01-01', 400, '起始日期应为有效的日期'],
  [() => '/registers/meetings/export?format=xlsx&from=2024-02-30', 400, '起始日期应为有效的日期'],
  // A reversed period is refused by name and rule, never turned round silently.
  [() => '/registers/meetings?from=2026-03-01&to=2026-01-01', 400, '截止日期不能早于起始日期'],
];

describe('hostile URLs answer 4xx with a message', () => {
  it('each URL of the table', async () => {
    const wrong: string[] = [];
    for (const [url, status, message] of rows) {
      const response = await fetch(`${app.url}${url()}`, { headers: { cookie } });
      const text = await response.text();
      if (response.status !== status || !text.includes(message))
        wrong.push(`${url()}: ${response.status}, expected ${status} with “${message}”`);
    }
    expect(wrong).toEqual([]);
  });

  /*
   * The case list reads its query leniently by design (app/lib/case-list-query.ts): a value
   * it cannot use is dropped and the list shown wider, so these are 200, not 400. What
   * matters here is that none of them reaches the database as an impossible date.
   */
  /* Pages with a default period show it instead of a refused one, and say so on the page (the dashboard's side-by-side reads its period the same way, lib/period-params.ts). */
  it.each(['/disputes/rates?from=2026-06-30&to=2026-01-01', '/cases/figures?from=2026-06-30&to=2026-01-01'])(
    '%s: the default period, with the reason',
    async (url) => {
      const response = await fetch(`${app.url}${url}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('截止日期不能早于起始日期。下面显示的是默认期间');
    },
  );

  it.each([
    '/cases?from=2024-02-30',
    '/cases?from=abc&to=99999-01-01',
    '/cases/export?format=csv&from=2024-02-30',
    '/disputes/rates?from=2024-02-30',
    '/cases/figures?from=2024-02-30&unit=abc',
  ])('%s: served, the bad value dropped', async (url) => {
    const response = await fetch(`${app.url}${url}`, { headers: { cookie } });
    expect(response.status).toBe(200);
  });
});

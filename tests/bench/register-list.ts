import { sql } from 'drizzle-orm';
import { createCaller } from '@tally/web/server/routers/root.ts';
import { actorByLogin, provisionTwoCounties } from '../setup/two-counties.ts';
import { openBenchDatabase, timeIt } from './support/bench-database.ts';

/*
 * Register list page at 100,000 rows in one county: the `registers.list` procedure
 * (actor settings, RLS policies, filters, keyset page, total count, masking, shaping)
 * against the same two statements sent as raw SQL by the owner, without RLS.
 * The ratio is the price of the API and of row-level security on a list page.
 */
const ROWS = 100_000;
const database = await openBenchDatabase();
const owner = database.owner.db;
await provisionTwoCounties(owner);
const villages = (
  await owner.execute(sql`select code from units where county_id = 1 and level = 'village' order by code`)
).map((row) => String(row.code));
const creator = String((await owner.execute(sql`select id from users where login_name = 'a_cun0101'`))[0]!.id);

const started = Date.now();
await owner.execute(sql`
  insert into meetings (county_id, unit_code, fingerprint, created_by, held_on, kind, topic, attendees, absent_count)
  select 1, (${sql.raw(`array[${villages.map((code) => `'${code}'`).join(',')}]`)})[1 + i % ${villages.length}],
         md5(i::text), ${creator}, date '2024-01-01' + (i % 1000), (array['director_weekly','member_monthly','joint'])[1 + i % 3],
         '第' || i || '次会议', '王建国、李明、张华', i % 4
  from generate_series(1, ${ROWS}) as i`);
await owner.execute(sql`vacuum analyze meetings`);
process.stdout.write(
  `fixture: ${ROWS.toLocaleString('en')} meetings in ${villages.length} villages of one county, loaded in ${Date.now() - started} ms\n\n`,
);

const at = new Date();
const caller = async (login: string) =>
  createCaller({ db: database.app.db, actor: await actorByLogin(owner, login), ip: null, now: at });
const county = await caller('a_staff');
const township = await caller('a_zhen01');
const village = await caller('a_cun0101');

// The cursor of row 50,000 in county order, for a deep page.
const middle = (
  await owner.execute(
    sql`select held_on, id from meetings where county_id = 1 order by held_on desc, id desc offset 50000 limit 1`,
  )
)[0]!;
const middleDate = middle.held_on instanceof Date ? middle.held_on.toISOString().slice(0, 10) : String(middle.held_on);
const deepCursor = `after.${middleDate}.${String(middle.id)}`;
process.stdout.write(`deep cursor: ${deepCursor}\n`);

const pageSql = (scope: string, extra = sql``) => sql`
  select m.*, u.name as unit_name from meetings m join units u on u.county_id = m.county_id and u.code = m.unit_code
  where m.county_id = 1 and m.unit_code like ${`${scope}%`} and m.deleted_at is null ${extra}
  order by m.held_on desc, m.id desc limit 21`;
// Counted up to 10,001 rows, as the list does.
const countSql = (scope: string, extra = sql``) =>
  sql`select count(*) from (select 1 from meetings m where m.county_id = 1 and m.unit_code like ${`${scope}%`} and m.deleted_at is null ${extra} limit 10001) capped`;
const raw =
  (scope: string, extra = sql``) =>
  async () => {
    await owner.execute(pageSql(scope, extra));
    await owner.execute(countSql(scope, extra));
  };

const deepAfter = sql`and (m.held_on, m.id) < (${middleDate}::date, ${String(middle.id)}::uuid)`;
const filtered = sql`and m.kind = 'joint' and m.held_on between '2024-03-01' and '2024-06-30'`;
const scenarios: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
  ['county, first page', () => county.registers.list({ register: 'meetings' }), raw('130534')],
  [
    'county, page at row 50,000',
    () => county.registers.list({ register: 'meetings', cursor: deepCursor }),
    raw('130534', deepAfter),
  ],
  ['township, first page', () => township.registers.list({ register: 'meetings' }), raw('130534100')],
  [
    'village, kind + 4-month range',
    () =>
      village.registers.list({
        register: 'meetings',
        filters: { kind: 'joint' },
        from: '2024-03-01',
        to: '2024-06-30',
      }),
    raw(villages[0]!, filtered),
  ],
];

const pad = (text: string, width: number) => text.padEnd(width);
process.stdout.write(
  `${pad('scenario', 34)}${pad('procedure median', 18)}${pad('p95', 10)}${pad('raw SQL median', 16)}${pad('p95', 10)}ratio\n`,
);
for (const [name, procedure, reference] of scenarios) {
  const api = await timeIt(procedure);
  const base = await timeIt(reference);
  process.stdout.write(
    `${pad(name, 34)}${pad(`${api.median.toFixed(2)} ms`, 18)}${pad(`${api.p95.toFixed(2)} ms`, 10)}${pad(`${base.median.toFixed(2)} ms`, 16)}${pad(`${base.p95.toFixed(2)} ms`, 10)}${(api.median / base.median).toFixed(2)}×\n`,
  );
}

// What keyset paging saves: the same deep page by OFFSET, as raw SQL.
const offsetPage = await timeIt(
  () =>
    owner.execute(sql`select m.*, u.name from meetings m join units u on u.county_id = m.county_id and u.code = m.unit_code
  where m.county_id = 1 and m.unit_code like '130534%' and m.deleted_at is null order by m.held_on desc, m.id desc offset 50000 limit 21`),
  50,
  5,
);
const keysetPage = await timeIt(() => owner.execute(pageSql('130534', deepAfter)), 50, 5);
process.stdout.write(
  `\ndeep page without the count, raw SQL: OFFSET 50,000 ${offsetPage.median.toFixed(2)} ms vs keyset ${keysetPage.median.toFixed(2)} ms (${(offsetPage.median / keysetPage.median).toFixed(1)}× slower by offset)\n`,
);
await database.close();

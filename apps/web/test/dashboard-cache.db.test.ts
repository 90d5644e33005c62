import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { dashboardInputTables, dashboardVersionBumpedLast, withActor } from '@tally/db';
import { seedDemoIfEmpty } from '@tally/demo';
import { dashboardResults } from '../app/.server/dashboard/result-cache.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin } from '../../../tests/setup/two-counties.ts';

/*
 * The dashboard's result cache (docs/decisions/0018-dashboard-result-cache.md) on the demo county:
 * a kept ranking is served again only while no input changed, and only to a reader who sees what
 * the reader it was computed for saw. Two `now`s on one day tell a kept result (its "as of" is the
 * first) from a computed one (the second).
 */
const FIRST = new Date('2026-11-23T09:00:00+08:00');
const LATER = new Date('2026-11-23T15:00:00+08:00');
const COUNTY = '130534000000';
let database: TestDatabase;

async function callerFor(login: string, now: Date) {
  return createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: null, now });
}

async function liveAsOf(caller: Awaited<ReturnType<typeof callerFor>>, scopeCode: string, period: 'Q3' | 'year') {
  const ranking = await caller.dashboard.ranking({ year: 2026, period, scopeCode, toDate: true });
  if (ranking.current.source !== 'live') throw new Error('expected a live ranking');
  return { asOf: ranking.current.asOf, rows: ranking.rows };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database.owner.db, { now: FIRST });
}, 300_000);

afterAll(async () => {
  await database?.drop();
});

describe('dashboard result cache', () => {
  it('every dashboard input table bumps the county data version once per statement, by the migration', async () => {
    const triggers = await database.owner.client.unsafe<{ table: string; name: string }[]>(
      `select c.relname as table, t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
       where t.tgname like 'dashboard_data_version_%' and not t.tgisinternal order by 1, 2`,
    );
    const byTable = new Map<string, string[]>();
    for (const row of triggers) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row.name]);
    expect([...byTable.keys()].sort()).toEqual([...dashboardInputTables].sort());
    for (const names of byTable.values())
      expect(names).toEqual([
        'dashboard_data_version_delete',
        'dashboard_data_version_insert',
        'dashboard_data_version_update',
      ]);
    const version = async () =>
      Number(
        (
          await database.owner.client.unsafe<{ version: string }[]>(
            'select version from dashboard_data_versions where county_id = 1',
          )
        )[0]!.version,
      );
    const before = await version();
    await database.owner.client.unsafe(
      `update meetings set absent_count = absent_count where id in (select id from meetings where county_id = 1 limit 5)`,
    );
    expect(await version()).toBe(before + 1);
  });

  it('a long write bumps the version once, last, and holds no lock on it meanwhile; a rollback bumps nothing', async () => {
    const version = async () =>
      Number(
        (
          await database.owner.client.unsafe<{ version: string }[]>(
            'select version from dashboard_data_versions where county_id = 1',
          )
        )[0]!.version,
      );
    const village = await actorByLogin(database.owner.db, 'cun0101');
    const touchMeetings = sql`update meetings set absent_count = absent_count where id in (select id from meetings where county_id = 1 and unit_code = ${village.unitCode} and deleted_at is null order by id limit 5)`;
    // Another writer of the county, while the long write is open: it bumps the version row itself,
    // so it would wait for the long write's COMMIT if that held the row (lock_timeout turns a wait into an error).
    const otherWriter = () =>
      database.owner.client.begin(async (other) => {
        await other.unsafe(`set local lock_timeout = '5s'`);
        await other.unsafe(
          `update meetings set absent_count = absent_count where id in (select id from meetings where county_id = 1 and unit_code <> $1 order by id desc limit 5)`,
          [village.unitCode],
        );
      });
    const before = await version();
    await withActor(database.app.db, village, (tx) =>
      dashboardVersionBumpedLast(tx, async () => {
        // The village's own records: without the deferral each statement would lock the version row.
        expect((await tx.execute(touchMeetings)).count).toBe(5);
        await tx.execute(touchMeetings);
        await otherWriter();
      }),
    );
    // The other writer's bump, then the long write's one.
    expect(await version()).toBe(before + 2);

    const beforeRollback = await version();
    await expect(
      withActor(database.app.db, village, (tx) =>
        dashboardVersionBumpedLast(tx, async () => {
          await tx.execute(touchMeetings);
          throw new Error('the import failed');
        }),
      ),
    ).rejects.toThrow('the import failed');
    expect(await version()).toBe(beforeRollback);
  });

  it('a kept ranking is served while nothing changed; a changed record changes the next ranking (no stale read)', async () => {
    dashboardResults.clear();
    const first = await liveAsOf(await callerFor('admin', FIRST), COUNTY, 'Q3');
    const again = await liveAsOf(await callerFor('admin', LATER), COUNTY, 'Q3');
    expect(again.asOf).toBe(FIRST.toISOString());
    expect(again.rows).toEqual(first.rows);

    // Five more person-times of absence at one township's Q3 meeting: −0.5 each.
    const target = first.rows[0]!;
    const changed = await database.owner.client.unsafe(
      `update meetings set absent_count = absent_count + 5 where id = (select id from meetings
         where county_id = 1 and unit_code = $1 and deleted_at is null and held_on between '2026-07-01' and '2026-09-30' order by id limit 1)`,
      [target.unitCode],
    );
    expect(changed.count).toBe(1);
    const after = await liveAsOf(await callerFor('admin', LATER), COUNTY, 'Q3');
    expect(after.asOf).toBe(LATER.toISOString());
    expect(after.rows.find((row) => row.unitCode === target.unitCode)!.finalMilli).toBe(target.finalMilli - 2500);
  });

  it('an input outside the aggregates (an inspection score correction) changes the next ranking too', async () => {
    dashboardResults.clear();
    const first = await liveAsOf(await callerFor('admin', FIRST), COUNTY, 'year');
    const target = first.rows.at(-1)!;
    const [cell] = await database.owner.client.unsafe<{ component: string; period_no: number }[]>(
      `select component, period_no from inspection_scores where county_id = 1 and unit_code = $1 and year = 2026 order by component, period_no limit 1`,
      [target.unitCode],
    );
    expect(cell).toBeDefined();
    await database.owner.client.unsafe(
      `insert into inspection_scores (county_id, unit_code, year, component, period_no, version, score, reason, entered_by_unit, created_by, created_by_name)
       select county_id, unit_code, year, component, period_no, version + 1, 0, 'test correction', entered_by_unit, created_by, created_by_name
       from inspection_scores where county_id = 1 and unit_code = $1 and year = 2026 and component = $2 and period_no = $3
       order by version desc limit 1`,
      [target.unitCode, cell!.component, cell!.period_no],
    );
    const after = await liveAsOf(await callerFor('admin', LATER), COUNTY, 'year');
    expect(after.asOf).toBe(LATER.toISOString());
    expect(after.rows.find((row) => row.unitCode === target.unitCode)!.finalMilli).toBeLessThan(target.finalMilli);
  });

  it('two readers with different scopes or roles never get each other’s result', async () => {
    dashboardResults.clear();
    const township = await actorByLogin(database.owner.db, 'zhen01');
    const scope = township.unitCode;
    // The county admin computes the township's village ranking first…
    const byAdmin = await liveAsOf(await callerFor('admin', FIRST), scope, 'year');
    expect(byAdmin.asOf).toBe(FIRST.toISOString());
    // …the township's own reader and the county staff get one computed for them, not the admin's.
    const byTownship = await liveAsOf(await callerFor('zhen01', LATER), scope, 'year');
    expect(byTownship.asOf).toBe(LATER.toISOString());
    const byStaff = await liveAsOf(await callerFor('staff', LATER), scope, 'year');
    expect(byStaff.asOf).toBe(LATER.toISOString());
    // A township reads the county's township ranking only when published: never the admin's live one.
    await liveAsOf(await callerFor('admin', FIRST), COUNTY, 'year');
    const countyByTownship = await (await callerFor('zhen01', LATER)).dashboard.ranking({
      year: 2026,
      period: 'year',
      scopeCode: COUNTY,
      toDate: true,
    });
    expect(countyByTownship.current.source).toBe('none');
    expect(countyByTownship.rows).toEqual([]);
    // A village reads nothing, whatever is kept.
    const byVillage = await (await callerFor('cun0101', LATER)).dashboard.ranking({
      year: 2026,
      period: 'year',
      scopeCode: COUNTY,
      toDate: true,
    });
    expect(byVillage.rows).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '@tally/casework';
import { missingReportsThisPeriod } from '../app/.server/dashboard/missing-reports.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { fileMonthlyReports } from '../../../tests/setup/filed-reports.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * Reports upward on the dashboard: the overview's missing-reports tile and the reporting-rate
 * trend. County A has six reporting units (T1, T2, two villages each) owing 月报 with 3 days'
 * grace. T1 files January–November on time, T2 January–October on time and November late (on
 * 10 December; due 3 December), village a_cun0101 January and February; nobody else files.
 */
const T1 = '130534100000';
const T2 = '130534101000';
let database: TestDatabase;
let village = '';

async function callerFor(login: string, now: Date) {
  return createCaller({
    db: database.app.db,
    actor: await actorByLogin(database.owner.db, login),
    ip: '10.0.0.3',
    now,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  const adminId = (await actorByLogin(database.owner.db, 'a_admin')).userId;
  village = (await actorByLogin(database.owner.db, 'a_cun0101')).unitCode;
  await fileMonthlyReports(database.owner.db, 1, T1, 2026, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], adminId);
  await fileMonthlyReports(database.owner.db, 1, T2, 2026, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], adminId);
  await fileMonthlyReports(database.owner.db, 1, village, 2026, [1, 2], adminId);
  const late = await callerFor('a_zhen02', new Date('2026-12-10T02:00:00Z'));
  const draft = await late.reports.draft({ kind: 'monthly', periodKey: '2026-11' });
  await late.reports.submit({ id: draft.id, expectedVersion: draft.version, narrative: { work: '十一月工作情况' } });
});

afterAll(async () => {
  await database?.drop();
});

describe('missing and late reports this period (overview tile)', () => {
  const tile = async (instant: string) => {
    const now = new Date(instant);
    return missingReportsThisPeriod(await callerFor('a_admin', now), shanghaiDate(now));
  };

  it('the latest period whose deadline has passed, counted on the matrix the link opens', async () => {
    // 10 December: November (due 3 December) has lapsed; T1 on time, T2 late, four villages missing.
    const lines = await tile('2026-12-10T02:00:00Z');
    expect(lines).toEqual([
      {
        kind: 'monthly',
        periodKey: '2026-11',
        missing: 4,
        late: 1,
        href: '/reports/matrix?kind=monthly&year=2026#period-2026-11',
      },
    ]);
    const matrix = await (await callerFor('a_admin', new Date('2026-12-10T02:00:00Z'))).reports.matrix({
      kind: 'monthly',
      year: 2026,
    });
    const november = matrix.rows.flatMap((row) => row.cells).filter((cell) => cell.periodKey === '2026-11');
    expect([
      november.filter((c) => c.state === 'missing').length,
      november.filter((c) => c.state === 'late').length,
    ]).toEqual([4, 1]);
  });

  it('on the deadline day the period before still counts; in January it is last December', async () => {
    // 3 December is November's deadline: November is pending, October is this period.
    expect(await tile('2026-12-03T10:00:00Z')).toEqual([
      {
        kind: 'monthly',
        periodKey: '2026-10',
        missing: 4,
        late: 0,
        href: '/reports/matrix?kind=monthly&year=2026#period-2026-10',
      },
    ]);
    // December 2026 was due on the first working day after New Year (4 January 2027).
    expect(await tile('2027-01-10T02:00:00Z')).toEqual([
      {
        kind: 'monthly',
        periodKey: '2026-12',
        missing: 6,
        late: 0,
        href: '/reports/matrix?kind=monthly&year=2026#period-2026-12',
      },
    ]);
  });
});

describe('reporting rate in the indicator trend', () => {
  const now = new Date('2026-12-10T02:00:00Z');

  it('from 1 January to each period end, over the unit and the units below it, against a target of 100 %', async () => {
    const admin = await callerFor('a_admin', now);
    const t1 = await admin.dashboard.indicatorTrend({ year: 2026, granularity: 'month', unitCode: T1 });
    expect(t1.targets.reporting).toBe(100);
    // T1 and its village a_cun0101 file January: 2 of 3; by March 5 of 9; by November 13 of 33.
    // December runs (read to 10 December): nothing of it is due, so it equals November.
    expect(t1.points.map((p) => p.reporting)).toEqual([67, 67, 56, 50, 47, 44, 43, 42, 41, 40, 39, 39]);
    // T2's late November report is filed (11 of 33), the matrix's reporting rate counts late filings.
    const t2 = await admin.dashboard.indicatorTrend({ year: 2026, granularity: 'quarter', unitCode: T2 });
    expect(t2.points.map((p) => p.reporting)).toEqual([33, 33, 33, 33]);
    const own = await (await callerFor('a_cun0101', now)).dashboard.indicatorTrend({
      year: 2026,
      granularity: 'quarter',
      unitCode: village,
    });
    expect(own.points.map((p) => p.reporting)).toEqual([67, 33, 22, 18]);
  });

  it("a township reads its own trend as the county does: its villages' filed reports are visible to it", async () => {
    const township = await callerFor('a_zhen01', now);
    const admin = await callerFor('a_admin', now);
    const mine = await township.dashboard.indicatorTrend({ year: 2026, granularity: 'month', unitCode: T1 });
    const county = await admin.dashboard.indicatorTrend({ year: 2026, granularity: 'month', unitCode: T1 });
    expect(mine.points.map((p) => p.reporting)).toEqual(county.points.map((p) => p.reporting));
  });

  it('before anything is due the rate is a gap, not 0 %', async () => {
    const january = await callerFor('a_admin', new Date('2026-01-20T02:00:00Z'));
    const trend = await january.dashboard.indicatorTrend({ year: 2026, granularity: 'month', unitCode: T1 });
    expect(trend.points.map((p) => p.reporting)).toEqual([null]);
  });
});

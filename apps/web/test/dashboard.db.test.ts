import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withActor } from '@tally/db';
import { formatFixed } from '@tally/scoring';
import { factsFor, scoreAndRank, unitsUnder } from '../app/.server/assessment/assess-units.ts';
import { publishedRuleSet } from '../app/.server/assessment/rule-set-store.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import { countyCalendar } from '../app/.server/services/work-calendar.ts';
import { unitFigures } from '../app/.server/services/case-figures.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';
import { insertInspectionYear } from '../../../tests/setup/inspection-scores.ts';

/*
 * The county dashboard on PostgreSQL. County A: T1 (130534100000, villages …201/…202) and T2
 * (130534101000). 2025: T1 inspected 70, T2 80 → T2 first. 2026: T1 90 with a collective petition
 * at its village (−2), T2 80 with a yellow card (−2) → T1 first. So T1 climbs one place (↑1), T2
 * drops one (↓1). The quotas miss alike for both (−5 each) and do not change the order.
 */
const T1 = '130534100000';
const T2 = '130534101000';
const COUNTY = '130534000000';
const afterYear = new Date('2027-01-10T02:00:00Z');
type Caller = ReturnType<typeof createCaller>;
let database: TestDatabase;
let admin: Caller;
let township: Caller;
let village: Caller;

async function callerFor(login: string, now: Date): Promise<Caller> {
  return createCaller({
    db: database.app.db,
    actor: await actorByLogin(database.owner.db, login),
    ip: '10.0.0.1',
    now,
  });
}

function inspections(year: number, unitCode: string, score: number, enteredBy: string): Promise<void> {
  return insertInspectionYear(database.owner.db, {
    countyId: 1,
    unitCode,
    year,
    score,
    enteredByUnit: COUNTY,
    enteredBy,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  admin = await callerFor('a_admin', afterYear);
  township = await callerFor('a_zhen01', afterYear);
  village = await callerFor('a_cun0101', afterYear);
  const adminId = (await actorByLogin(database.owner.db, 'a_admin')).userId;
  const clerk = await callerFor('a_cun0101', new Date('2026-05-10T03:00:00Z'));
  await clerk.cases.register({
    receivedAt: '2026-05-10T10:00:00+08:00',
    channel: 'visit',
    peopleCount: 6,
    category: 'land_requisition',
    summary: '征地补偿',
    petitionerName: '王五',
  });
  await inspections(2025, T1, 70, adminId);
  await inspections(2025, T2, 80, adminId);
  await inspections(2026, T1, 90, adminId);
  await inspections(2026, T2, 80, adminId);
  await database.owner.db.insert(schema.checkingEvents).values({
    countyId: 1,
    unitCode: T2,
    kind: 'night-duty-off-post',
    level: 'yellow-card',
    occurredOn: '2026-08-08',
    description: '夜查脱岗',
    enteredByUnit: COUNTY,
    createdBy: adminId,
    createdByName: '县考核组',
  });
  for (const year of [2025, 2026]) {
    await admin.assessment.startDraft({ year, from: 'default' });
    await admin.assessment.publishRuleSet({ year, expectedVersion: 0 });
  }
});

afterAll(async () => {
  await database?.drop();
});

describe('dashboard ranking', () => {
  it("unpublished: the live score to date, equal to scoreAndRank on the same facts, with the previous year's rank and the change", async () => {
    const ranking = await admin.dashboard.ranking({ year: 2026, period: 'year', scopeCode: COUNTY });
    expect(ranking.current.source).toBe('live');
    const actor = await actorByLogin(database.owner.db, 'a_admin');
    const expected = await withActor(database.app.db, actor, async (tx) => {
      const ruleSet = (await publishedRuleSet(tx, 1, 2026))!.ruleSet;
      const units = await unitsUnder(tx, 1, COUNTY);
      const assessed = await factsFor(
        tx,
        { countyId: 1, year: 2026, period: 'year' },
        units,
        [ruleSet],
        await countyCalendar(tx, 1),
        afterYear,
      );
      return scoreAndRank(ruleSet, assessed.facts, false, assessed.closed).ranking.map((line) => [
        line.unitId,
        formatFixed(line.final),
        line.rank,
        line.vetoed,
      ]);
    });
    expect(ranking.rows.map((row) => [row.unitCode, row.final, row.rank, row.vetoed])).toEqual(expected);
    expect(ranking.rows.map((row) => [row.unitCode, row.rank, row.previousRank, row.change])).toEqual([
      [T1, 1, 2, 1],
      [T2, 2, 1, -1],
    ]);
    expect(ranking.previous).toEqual({ year: 2025, period: 'year', source: 'live' });
  });

  it('published: the snapshot in force, its as-of time, and links to the breakdowns the reader may open', async () => {
    const result = await admin.assessment.publishResult({ year: 2026, period: 'year', scopeCode: COUNTY });
    const ranking = await admin.dashboard.ranking({ year: 2026, period: 'year', scopeCode: COUNTY });
    expect(ranking.current).toMatchObject({ source: 'published', resultId: result.id });
    expect(ranking.rows.map((row) => row.breakdownHref)).toEqual([
      `/assessment/results/${result.id}/${T1}`,
      `/assessment/results/${result.id}/${T2}`,
    ]);
    // Score to date is asked for explicitly: live again.
    expect(
      (await admin.dashboard.ranking({ year: 2026, period: 'year', scopeCode: COUNTY, toDate: true })).current.source,
    ).toBe('live');
  });

  it('a township reads the published township ranking, names and scores, and opens only its own breakdown', async () => {
    const ranking = await township.dashboard.ranking({ year: 2026, period: 'year', scopeCode: COUNTY });
    expect(ranking.current.source).toBe('published');
    expect(ranking.rows.map((row) => [row.unitCode, row.rank])).toEqual([
      [T1, 1],
      [T2, 2],
    ]);
    expect(ranking.rows.map((row) => row.breakdownHref === null)).toEqual([false, true]);
    // It cannot score the county live; the previous year is unpublished, so no change is shown.
    expect(ranking.previous.source).toBe('none');
    expect(ranking.rows.every((row) => row.change === null)).toBe(true);
    expect((await township.dashboard.ranking({ year: 2026, period: 'H1', scopeCode: COUNTY })).current.source).toBe(
      'none',
    );
  });

  it("a village reads no ranking; another county's unit or a village scope is not found", async () => {
    expect((await village.dashboard.ranking({ year: 2026, period: 'year', scopeCode: COUNTY })).rows).toEqual([]);
    await expect(village.dashboard.ranking({ year: 2026, period: 'year', scopeCode: T1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      admin.dashboard.ranking({ year: 2026, period: 'year', scopeCode: '130535000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      admin.dashboard.ranking({ year: 2026, period: 'year', scopeCode: '130534100201' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('dashboard trends', () => {
  it("the score to date at each month end: December equals the year's live score, units in one series each", async () => {
    const trend = await admin.dashboard.scoreTrend({ year: 2026, granularity: 'month', scopeCode: COUNTY });
    expect(trend.periods.map((p) => p.end)).toHaveLength(12);
    const year = await admin.dashboard.ranking({ year: 2026, period: 'year', scopeCode: COUNTY, toDate: true });
    for (const row of year.rows) {
      expect(trend.series.find((s) => s.unitCode === row.unitCode)!.points.at(-1)!.final).toBe(row.final);
    }
    const quarters = await admin.dashboard.scoreTrend({ year: 2026, granularity: 'quarter', scopeCode: COUNTY });
    expect(quarters.periods.map((p) => p.label)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it("a running year stops at today; a township may not see the other townships' live scores", async () => {
    const midYear = await callerFor('a_admin', new Date('2026-05-20T04:00:00Z'));
    const trend = await midYear.dashboard.scoreTrend({ year: 2026, granularity: 'month', scopeCode: COUNTY });
    expect(trend.periods.map((p) => p.end)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-20',
    ]);
    await expect(
      township.dashboard.scoreTrend({ year: 2026, granularity: 'month', scopeCode: COUNTY }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await township.dashboard.scoreTrend({ year: 2026, granularity: 'month', scopeCode: T1 })).series.length,
    ).toBe(2);
  });

  it("in a running year's December the last point is the live score to date (quotas at risk, not deducted)", async () => {
    const december = await callerFor('a_admin', new Date('2026-12-10T04:00:00Z'));
    const trend = await december.dashboard.scoreTrend({ year: 2026, granularity: 'month', scopeCode: COUNTY });
    expect(trend.periods.at(-1)).toEqual({ label: '2026-12', end: '2026-12-10' });
    const live = await december.dashboard.ranking({ year: 2026, period: 'year', scopeCode: COUNTY, toDate: true });
    expect(live.current.source).toBe('live');
    if (live.current.source === 'live') expect(live.current.closed).toBe(false);
    for (const row of live.rows)
      expect(trend.series.find((s) => s.unitCode === row.unitCode)!.points.at(-1)!.final).toBe(row.final);
    const quarters = await december.dashboard.scoreTrend({ year: 2026, granularity: 'quarter', scopeCode: COUNTY });
    for (const row of live.rows)
      expect(quarters.series.find((s) => s.unitCode === row.unitCode)!.points.at(-1)!.final).toBe(row.final);
  });

  it('indicator rates to date with their targets: nothing to measure before the first case, 0% closed after it', async () => {
    const trend = await admin.dashboard.indicatorTrend({ year: 2026, granularity: 'month', unitCode: T1 });
    expect(trend.targets).toEqual({ closure: 95, onTime: 90, success: 98, satisfaction: 96, reporting: 100 });
    expect(trend.points[3]).toMatchObject({ end: '2026-04-30', closure: null, onTime: null });
    expect(trend.points[4]).toMatchObject({ end: '2026-05-31', closure: 0 });
    await expect(
      village.dashboard.indicatorTrend({ year: 2026, granularity: 'month', unitCode: T1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('dashboard side by side', () => {
  it("every township's figures equal unitFigures for that township; the collective petition is counted; rates marked against targets", async () => {
    const compared = await admin.dashboard.sideBySide({ scopeCode: COUNTY, from: '2026-01-01', to: '2026-12-31' });
    expect(compared.rows.map((row) => row.unitCode)).toEqual([T1, T2]);
    const actor = await actorByLogin(database.owner.db, 'a_admin');
    for (const row of compared.rows) {
      const figures = await withActor(database.app.db, actor, (tx) =>
        unitFigures(tx, 1, { code: row.unitCode, level: 'township' }, { from: '2026-01-01', to: '2026-12-31' }),
      );
      expect([row.received, row.unique, row.closed, row.closureRate.display, row.onTimeRate.display]).toEqual([
        figures.received,
        figures.uniqueCases,
        figures.closed,
        figures.closureRate.display,
        figures.onTimeRate.display,
      ]);
    }
    expect(compared.rows.map((row) => [row.collective, row.skipLevel, row.closureRate.meets])).toEqual([
      [1, 0, false],
      [0, 0, null],
    ]);
    await expect(
      township.dashboard.sideBySide({ scopeCode: COUNTY, from: '2026-01-01', to: '2026-12-31' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      admin.dashboard.sideBySide({ scopeCode: COUNTY, from: '2026-12-31', to: '2026-01-01' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

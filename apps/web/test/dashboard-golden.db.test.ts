import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '@tally/db';
import { seedDemoIfEmpty } from '@tally/demo';
import { formatFixed, rank, score, trend } from '@tally/scoring';
import { factsFor, unitsUnder } from '../app/.server/assessment/assess-units.ts';
import { publishedRuleSet } from '../app/.server/assessment/rule-set-store.ts';
import { scoredTrendPeriods, trendPeriods } from '../app/.server/dashboard/trend-periods.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import { countyCalendar } from '../app/.server/services/work-calendar.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin } from '../../../tests/setup/two-counties.ts';

/*
 * Golden county: the demo county 清河县 (12 townships × 15 villages, six months of ledgers and
 * cases, inspections and checking events). The rankings the dashboard shows (read from
 * unit_month_facts) and the breakdowns a published result shows (derived from the records) equal
 * the engine's result on the records themselves: for a closed quarter (whole months only) and for
 * the year to date (whole months from the aggregates, the running month from the records).
 */
const NOW = new Date('2026-11-23T10:00:00+08:00');
const COUNTY = '130534000000';
let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database.owner.db, { now: NOW });
  caller = createCaller({
    db: database.app.db,
    actor: await actorByLogin(database.owner.db, 'admin'),
    ip: null,
    now: NOW,
  });
}, 300_000);

afterAll(async () => {
  await database?.drop();
});

/** The engine on the records: facts derived from the rows (no aggregate), scored and ranked. */
async function engineOnRecords(scopeCode: string, period: 'Q3' | 'year') {
  const admin = await actorByLogin(database.owner.db, 'admin');
  return withActor(database.app.db, admin, async (tx) => {
    const ruleSet = (await publishedRuleSet(tx, 1, 2026))!.ruleSet;
    const units = await unitsUnder(tx, 1, scopeCode);
    const assessed = await factsFor(
      tx,
      { countyId: 1, year: 2026, period },
      units,
      [ruleSet],
      await countyCalendar(tx, 1),
      NOW,
      'records',
    );
    const assessments = score(ruleSet, assessed.facts, { explain: true, periodClosed: assessed.closed });
    return { assessments, ranking: rank(assessments) };
  });
}

describe('golden county: the dashboard equals the engine on the records', () => {
  for (const [label, scopeCode] of [
    ['townships', COUNTY],
    ['villages of 01', '130534100000'],
  ] as const) {
    for (const period of ['Q3', 'year'] as const) {
      it(`${label}, ${period}: the ranking shown (from the aggregates) equals the engine's ranking`, async () => {
        const shown = await caller.dashboard.ranking({ year: 2026, period, scopeCode, toDate: true });
        expect(shown.current.source).toBe('live');
        if (shown.current.source === 'live') expect(shown.current.aggregatesAsOf).not.toBeNull();
        const engine = await engineOnRecords(scopeCode, period);
        expect(shown.rows.map((row) => [row.unitCode, row.rank, row.final, row.vetoed])).toEqual(
          engine.ranking.map((line) => [line.unitId, line.rank, formatFixed(line.final), line.vetoed]),
        );
        // Not a trivial ranking: the units differ.
        expect(new Set(shown.rows.map((row) => row.final)).size).toBeGreaterThan(1);
      });
    }
  }

  it('a published Q3 breakdown (every line, linked to its records) equals the engine, and its totals the ranking from the aggregates', async () => {
    const published = await caller.assessment.publishResult({ year: 2026, period: 'Q3', scopeCode: COUNTY });
    const live = await caller.dashboard.ranking({ year: 2026, period: 'Q3', scopeCode: COUNTY, toDate: true });
    const engine = await engineOnRecords(COUNTY, 'Q3');
    for (const assessment of engine.assessments) {
      const breakdown = await caller.assessment.breakdown({ resultId: published.id, unitCode: assessment.unitId });
      expect(breakdown.totals.final).toBe(formatFixed(assessment.final));
      expect(breakdown.lines.map((line) => [line.ruleId, line.points, line.facts.map((fact) => fact.id)])).toEqual(
        assessment.lines.map((line) => [line.ruleId, line.points, line.factIds]),
      );
      expect(live.rows.find((row) => row.unitCode === assessment.unitId)?.final).toBe(breakdown.totals.final);
    }
  });

  it("the score trend (from the aggregates) equals the engine's trend on the records", async () => {
    const shown = await caller.dashboard.scoreTrend({ year: 2026, granularity: 'month', scopeCode: COUNTY });
    expect(shown.aggregatesAsOf).not.toBeNull();
    const admin = await actorByLogin(database.owner.db, 'admin');
    const expected = await withActor(database.app.db, admin, async (tx) => {
      const ruleSet = (await publishedRuleSet(tx, 1, 2026))!.ruleSet;
      const assessed = await factsFor(
        tx,
        { countyId: 1, year: 2026, period: 'year' },
        await unitsUnder(tx, 1, COUNTY),
        [ruleSet],
        await countyCalendar(tx, 1),
        NOW,
        'records',
      );
      return trend(ruleSet, assessed.facts, {
        periods: scoredTrendPeriods(
          trendPeriods('month', 2026, assessed.readTo, assessed.closed),
          2026,
          assessed.closed,
        ),
      });
    });
    expect(
      shown.series.map((line) => [
        line.unitCode,
        line.points.map((point) => [point.period, point.finalMilli, point.rank]),
      ]),
    ).toEqual(
      expected.map((line) => [line.unitId, line.points.map((point) => [point.period, point.final, point.rank])]),
    );
  });
});

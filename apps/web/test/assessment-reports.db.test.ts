import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';
import { fileMonthlyReports } from '../../../tests/setup/filed-reports.ts';

/*
 * Reports upward feed the assessment (docs/domain.md §6: 漏报、迟报 −0.5 per kind and occasion). Both
 * townships of county A file eleven 2026 月报 on time; T1 never files March, T2 files
 * March late. Each loses 0.5, and the breakdown line links to the matrix cell.
 */
const T1 = '130534100000';
const T2 = '130534101000';
const COUNTY = '130534000000';
const afterYear = new Date('2027-01-10T02:00:00Z');
let database: TestDatabase;

async function callerFor(login: string, now: Date) {
  return createCaller({
    db: database.app.db,
    actor: await actorByLogin(database.owner.db, login),
    ip: '10.0.0.2',
    now,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  const adminId = (await actorByLogin(database.owner.db, 'a_admin')).userId;
  const allButMarch = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  await fileMonthlyReports(database.owner.db, 1, T1, 2026, allButMarch, adminId);
  await fileMonthlyReports(database.owner.db, 1, T2, 2026, allButMarch, adminId);
  // T2 files March on Apr 7, after its deadline (Mar 31 + 3 = Fri Apr 3).
  const late = await callerFor('a_zhen02', new Date('2026-04-07T02:00:00Z'));
  const draft = await late.reports.draft({ kind: 'monthly', periodKey: '2026-03' });
  await late.reports.submit({ id: draft.id, expectedVersion: draft.version, narrative: { work: '三月工作情况' } });
  const admin = await callerFor('a_admin', afterYear);
  await admin.assessment.startDraft({ year: 2026, from: 'default' });
  await admin.assessment.publishRuleSet({ year: 2026, expectedVersion: 0 });
});

afterAll(async () => {
  await database?.drop();
});

describe('missing and late reports in the assessment', () => {
  it('a missing and a late monthly report each deduct 0.5, linked to their matrix cells', async () => {
    const admin = await callerFor('a_admin', afterYear);
    const result = await admin.assessment.publishResult({ year: 2026, period: 'year', scopeCode: COUNTY });
    for (const [unit, state] of [
      [T1, 'missing'],
      [T2, 'late'],
    ] as const) {
      const breakdown = await admin.assessment.breakdown({ resultId: result.id, unitCode: unit });
      const line = breakdown.lines.find((l) => l.ruleId === 'deduct.missing-report');
      expect(line?.display, unit).toBe('-0.5');
      const cell = `${unit}:monthly:2026-03`;
      expect(line?.facts).toEqual([
        {
          id: `report_cells:${cell}`,
          href: `/reports/matrix?kind=monthly&year=2026#${encodeURIComponent(cell)}`,
          source: 'report_cells',
        },
      ]);
      const matrix = await admin.reports.matrix({ kind: 'monthly', year: 2026, level: 'township' });
      expect(matrix.rows.find((r) => r.unit.code === unit)?.cells.find((c) => c.id === cell)?.state).toBe(state);
    }
  });

  it('a quarter counts only the periods that end in it: March in Q1, nothing in Q2', async () => {
    const admin = await callerFor('a_admin', afterYear);
    const deductions = async (period: 'Q1' | 'Q2') =>
      Object.fromEntries(
        (await admin.assessment.live({ year: 2026, period, scopeCode: COUNTY })).rows.map((row) => [
          row.unitCode,
          Number(row.deductions),
        ]),
      );
    const q1 = await deductions('Q1');
    const q2 = await deductions('Q2');
    expect(q1[T1]! - q2[T1]!).toBe(0.5);
    expect(q1[T2]! - q2[T2]!).toBe(0.5);
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';
import { insertInspectionYear } from '../../../tests/setup/inspection-scores.ts';
import { fileMonthlyReports } from '../../../tests/setup/filed-reports.ts';

/*
 * The golden county scenario, end to end on PostgreSQL: records → facts → score → rank →
 * published snapshot, worked by hand below. County A has two townships: T1 (130534100000,
 * villages 130534100201/202) and T2 (130534101000).
 *
 *   T1: inspections 90 everywhere → base 90; info adopted by the county +1;
 *       a 6-person petition at its village −2 (属地); 2 absences at a meeting −1;
 *       quotas missed: meetings (1 < 6), investigations (0 < 6), mediation files (0 < 3),
 *       registers (2 of 8), duty log gaps → −5.                        Final 90 + 1 − 8 = 83
 *   T2: inspections 80 → base 80; a yellow card −2; the same five quotas −5.   Final 73
 */
const T1 = '130534100000';
const T2 = '130534101000';
const COUNTY = '130534000000';
// The year has closed in Shanghai: quota shortfalls are deductions, not risks.
const afterYear = new Date('2027-01-10T02:00:00Z');
type Caller = ReturnType<typeof createCaller>;
let database: TestDatabase;
let admin: Caller;
let township: Caller;
let otherTownship: Caller;
let village: Caller;
let collectiveCaseId = '';
let meetingId = '';

async function callerFor(login: string, now: Date): Promise<Caller> {
  return createCaller({
    db: database.app.db,
    actor: await actorByLogin(database.owner.db, login),
    ip: '10.0.0.1',
    now,
  });
}

async function ledger(unitCode: string, createdBy: string) {
  const base = { countyId: 1, unitCode, createdBy };
  const [meeting] = await database.owner.db
    .insert(schema.meetings)
    .values({
      ...base,
      fingerprint: `golden-meeting-${unitCode}`,
      heldOn: '2026-04-02',
      kind: 'joint',
      attendees: '甲、乙',
      absentCount: unitCode === T1 ? 2 : 0,
    })
    .returning({ id: schema.meetings.id });
  if (unitCode === T1) {
    meetingId = meeting!.id;
    await database.owner.db.insert(schema.infoSubmissions).values({
      ...base,
      fingerprint: 'golden-info',
      submittedOn: '2026-06-01',
      title: '简报',
      adoptedLevel: 'county',
    });
  }
}

function inspections(unitCode: string, score: number, enteredBy: string): Promise<void> {
  return insertInspectionYear(database.owner.db, {
    countyId: 1,
    unitCode,
    year: 2026,
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
  otherTownship = await callerFor('a_zhen02', afterYear);
  village = await callerFor('a_cun0101', afterYear);
  const adminId = (await actorByLogin(database.owner.db, 'a_admin')).userId;
  // The collective petition, taken in by T1's village through the desk intake.
  const clerk = await callerFor('a_cun0101', new Date('2026-05-10T03:00:00Z'));
  const registered = await clerk.cases.register({
    receivedAt: '2026-05-10T10:00:00+08:00',
    channel: 'visit',
    peopleCount: 6,
    category: 'land_requisition',
    summary: '征地补偿',
    petitionerName: '王五',
  });
  collectiveCaseId = registered.id;
  await ledger(T1, adminId);
  await ledger(T2, adminId);
  await inspections(T1, 90, adminId);
  await inspections(T2, 80, adminId);
  // Both townships filed every 2026 月报 on time: reports cost them nothing (see assessment-reports.db.test.ts).
  const months = Array.from({ length: 12 }, (_, m) => m + 1);
  await fileMonthlyReports(database.owner.db, 1, T1, 2026, months, adminId);
  await fileMonthlyReports(database.owner.db, 1, T2, 2026, months, adminId);
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
  // The 2026 rule set: the default scheme, published through the procedures.
  await admin.assessment.startDraft({ year: 2026, from: 'default' });
  await admin.assessment.publishRuleSet({ year: 2026, expectedVersion: 0 });
});

afterAll(async () => {
  await database?.drop();
});

describe('assessment: the golden county', () => {
  it('scores and ranks the townships from their records, by hand', async () => {
    const live = await admin.assessment.live({ year: 2026, period: 'year', scopeCode: COUNTY });
    expect(live.closed).toBe(true);
    expect(live.rows.map((row) => [row.unitCode, row.final, row.rank])).toEqual([
      [T1, '83', 1],
      [T2, '73', 2],
    ]);
  });

  it('during the year reads the records up to today and shows quota shortfalls as risks, not deductions', async () => {
    // 10 April 2026: the meeting (2 Apr) is on record; the petition (10 May), the adoption (1 Jun) and the yellow card (8 Aug) are not yet.
    // "At least" quotas can still be met, so they are risks; a duty-log gap has already happened, so it deducts (−1).
    // T1: 90 − 1 (absences) − 1 (gaps) = 88. T2: 80 − 1 (gaps) = 79.
    const spring = await callerFor('a_admin', new Date('2026-04-10T02:00:00Z'));
    const live = await spring.assessment.live({ year: 2026, period: 'year', scopeCode: COUNTY });
    expect(live).toMatchObject({ closed: false, readTo: '2026-04-10' });
    expect(live.rows.map((row) => [row.unitCode, row.final])).toEqual([
      [T1, '88'],
      [T2, '79'],
    ]);
    const t1 = live.rows.find((row) => row.unitCode === T1)!;
    expect(t1.atRisk.find((risk) => risk.ruleId === 'quota.meetings')).toMatchObject({ have: 1, need: 6 });
  });

  it('previews a draft that raises the collective-petition deduction: ties share a rank, rank changes first', async () => {
    await admin.assessment.startDraft({ year: 2026, from: 'published' });
    const { draft } = await admin.assessment.ruleSets({ year: 2026 });
    const field = draft!.fields.find((f) => f.ruleId === 'deduct.collective-petition' && f.property === 'points')!;
    const saved = await admin.assessment.saveDraft({
      year: 2026,
      expectedVersion: draft!.version,
      fields: { [field.name]: '12' },
    });
    expect(saved.ok).toBe(true);
    const preview = await admin.assessment.preview({ year: 2026, period: 'year', scopeCode: COUNTY });
    expect(
      preview.rows.map((row) => [row.unitCode, row.before?.final, row.after.final, row.after.rank, row.rankDelta]),
    ).toEqual([
      [T2, '73', '73', 1, -1],
      [T1, '83', '73', 1, 0],
    ]);
    expect(preview.rows[1]!.changedLines).toEqual([
      { ruleId: 'deduct.collective-petition', label: '集体访/越级访', before: '-2', after: '-12' },
    ]);
  });

  it('names the bad field of a draft and changes nothing', async () => {
    const { draft } = await admin.assessment.ruleSets({ year: 2026 });
    const cap = draft!.fields.find((f) => f.ruleId === 'bonus.cap' && f.property === 'max')!;
    const refused = await admin.assessment.saveDraft({
      year: 2026,
      expectedVersion: draft!.version,
      fields: { [cap.name]: '-3' },
    });
    expect(refused).toMatchObject({
      ok: false,
      fieldProblems: [{ name: cap.name, ruleId: 'bonus.cap', reason: 'negative' }],
    });
    const weights = draft!.fields.filter((f) => f.property === 'weightPct');
    const badSum = await admin.assessment.saveDraft({
      year: 2026,
      expectedVersion: draft!.version,
      fields: { [weights[0]!.name]: '30' },
    });
    expect(badSum).toMatchObject({ ok: false, ruleProblems: [{ ruleId: 'base.inspections' }] });
    expect((await admin.assessment.ruleSets({ year: 2026 })).draft!.version).toBe(draft!.version);
    // A stale form is a conflict, not a lost edit.
    await expect(
      admin.assessment.saveDraft({ year: 2026, expectedVersion: draft!.version - 1, fields: {} }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('publishes the draft under a new hash, then the result as an immutable snapshot', async () => {
    const before = (await admin.assessment.ruleSets({ year: 2026 })).published!;
    const { draft } = await admin.assessment.ruleSets({ year: 2026 });
    const published = await admin.assessment.publishRuleSet({ year: 2026, expectedVersion: draft!.version });
    expect(published.hash).not.toBe(before.hash);
    const result = await admin.assessment.publishResult({ year: 2026, period: 'year', scopeCode: COUNTY });
    const read = await admin.assessment.result({ id: result.id });
    expect(read.header.ruleSetHash).toBe(published.hash);
    expect(read.ranking.map((row) => [row.unitCode, row.final, row.rank])).toEqual([
      [T1, '73', 1],
      [T2, '73', 1],
    ]);
    // The breakdown names the rule and the case behind the −12.
    const breakdown = await admin.assessment.breakdown({ resultId: result.id, unitCode: T1 });
    const line = breakdown.lines.find((l) => l.ruleId === 'deduct.collective-petition')!;
    expect(line.display).toBe('-12');
    expect(line.facts).toEqual([
      { id: `petition_cases:${collectiveCaseId}`, href: `/cases/${collectiveCaseId}`, source: 'petition_cases' },
    ]);
    expect(breakdown.lines.find((l) => l.ruleId === 'deduct.meeting-absence')!.facts[0]!.href).toBe(
      `/registers/meetings/${meetingId}`,
    );
  });

  it('a record changed after publishing moves the live score and never the snapshot', async () => {
    const [result] = await admin.assessment.results({ year: 2026 });
    await database.owner.db
      .update(schema.meetings)
      .set({ deletedAt: new Date() })
      .where(and(eq(schema.meetings.countyId, 1), eq(schema.meetings.id, meetingId)));
    const live = await admin.assessment.live({ year: 2026, period: 'year', scopeCode: COUNTY });
    // The deleted meeting withdraws both its absence (−1 back) and its meeting record (registers kept: 1 of 8, still short).
    expect(live.rows.find((row) => row.unitCode === T1)!.final).toBe('74');
    const snapshot = await admin.assessment.result({ id: result!.id });
    expect(snapshot.ranking.find((row) => row.unitCode === T1)!.final).toBe('73');
  });

  it('a second publication is a correction: it needs a reason and supersedes the first, which stays readable', async () => {
    const [first] = await admin.assessment.results({ year: 2026 });
    await expect(
      admin.assessment.publishResult({ year: 2026, period: 'year', scopeCode: COUNTY }),
    ).rejects.toMatchObject({ messageKey: 'error.assessment.correctionNeedsReason' });
    const corrected = await admin.assessment.publishResult({
      year: 2026,
      period: 'year',
      scopeCode: COUNTY,
      reason: '会议记录误录，已删除',
    });
    expect(corrected.supersedes).toBe(first!.id);
    const old = await admin.assessment.result({ id: first!.id });
    expect(old.supersededBy).toBe(corrected.id);
    expect(old.ranking.find((row) => row.unitCode === T1)!.final).toBe('73');
    expect(
      (await admin.assessment.result({ id: corrected.id })).ranking.find((row) => row.unitCode === T1)!.final,
    ).toBe('74');
  });

  it('a township reads the county ranking (names and scores) and only its own breakdown; a village only its own', async () => {
    const [current] = await township.assessment.results({ year: 2026 });
    const seen = await township.assessment.result({ id: current!.id });
    expect(seen.ranking.map((row) => row.unitCode)).toEqual([T1, T2]);
    expect(seen.openable).toEqual([T1]);
    expect((await township.assessment.breakdown({ resultId: current!.id, unitCode: T1 })).totals.final).toBe('74');
    await expect(township.assessment.breakdown({ resultId: current!.id, unitCode: T2 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(otherTownship.assessment.breakdown({ resultId: current!.id, unitCode: T1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await village.assessment.results({ year: 2026 })).toEqual([]);
  });

  it('the published rows cannot be changed, even by the county admin through the database', async () => {
    const [current] = await admin.assessment.results({ year: 2026 });
    const actor = await actorByLogin(database.owner.db, 'a_admin');
    const attempt = database.app.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('app.county_id', '1', true), set_config('app.scope', ${actor.scope}, true), set_config('app.role', 'county_admin', true), set_config('app.user_id', ${actor.userId}, true)`,
      );
      await tx.execute(sql`update assessment_rankings set final_milli = 100000 where result_id = ${current!.id}`);
    });
    await expect(attempt).rejects.toThrow();
    const published = await database.owner.db
      .select()
      .from(schema.assessmentRuleSets)
      .where(eq(schema.assessmentRuleSets.status, 'published'));
    const updated = database.app.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('app.county_id', '1', true), set_config('app.scope', ${actor.scope}, true), set_config('app.role', 'county_admin', true)`,
      );
      return tx.execute(
        sql`update assessment_rule_sets set content = '{}' where id = ${published[0]!.id} returning id`,
      );
    });
    // No grant-level refusal here (drafts are updatable): the policy simply reaches no published row.
    expect([...(await updated)]).toEqual([]);
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_DEADLINE_RULES,
  caseClock,
  chinaCalendar2026,
  parseCaseNumber,
  registerCase,
  replay,
  validateIdNumber,
  type CaseState,
  type PetitionAction,
  type PetitionStatus,
  type Role,
  type TransitionEvent,
} from '@tally/casework';
import { validateRecord, rowFingerprint, type CellValue } from '@tally/imports';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { registerDefs, registerKeys, type RegisterKey } from '@tally/db/registers';
import { registerTables, caseTransitions, petitionCases, users } from '@tally/db/schema';
import { seedDemoIfEmpty, type DemoDataSummary } from '../src/index.ts';
import { withActor } from '@tally/db';

/** A fixed `now` (Monday 2026-11-23, 10:00 in Shanghai): the demo is deterministic given it. */
const NOW = new Date('2026-11-23T10:00:00+08:00');
const TODAY = '2026-11-23';
let database: TestDatabase;
let summary: DemoDataSummary;

beforeAll(async () => {
  database = await createTestDatabase();
  // How long this takes is the bench's business (a busy machine must not turn the suite red).
  const result = await seedDemoIfEmpty(database.owner.db, { now: NOW });
  expect(result.seeded).toBe(true);
  summary = result.summary!;
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

/** Plausible volumes for 12 townships × 15 villages over six months. */
const RANGES: Record<RegisterKey, [number, number]> = {
  investigation_rounds: [4_500, 7_000],
  meetings: [4_500, 6_500],
  duty_logs: [20_000, 27_000],
  publicity_records: [1_000, 3_000],
  info_submissions: [600, 2_000],
  hazard_checks: [900, 2_000],
  disputes: [1_500, 3_500],
  mediation_files: [300, 1_500],
};

describe('demo seed', () => {
  it('loads once, and a second call keeps what is there', async () => {
    expect((await seedDemoIfEmpty(database.owner.db, { now: NOW })).seeded).toBe(false);
  });

  it('fills every register within sensible ranges, dated in the six months before now', async () => {
    for (const key of registerKeys) {
      const date = registerDefs[key].fields.find((field) => field.type === 'date')!.column!;
      const [row] = (await database.owner.db.execute(
        sql`select count(*)::int as n, min(${sql.identifier(date)})::text as first, max(${sql.identifier(date)})::text as last from ${registerTables[key]}`,
      )) as unknown as Array<{ n: number; first: string; last: string }>;
      expect(row!.n, key).toBeGreaterThanOrEqual(RANGES[key][0]);
      expect(row!.n, key).toBeLessThanOrEqual(RANGES[key][1]);
      expect(row!.first >= '2026-05-23', key).toBe(true);
      expect(row!.last < TODAY, key).toBe(true);
    }
  });

  it('stores only rows the forms and imports accept, fingerprinted as an import would', async () => {
    for (const key of registerKeys) {
      const def = registerDefs[key];
      const rows = (await database.owner.db.select().from(registerTables[key])) as unknown as Array<
        Record<string, unknown>
      >;
      for (const row of rows) {
        const input: Record<string, CellValue> = {};
        for (const field of def.fields) input[field.key] = row[field.key] as CellValue;
        const checked = validateRecord(def, input, { now: NOW });
        if (!checked.ok)
          throw new Error(`${key} ${String(row.id)}: ${checked.errors.map((error) => error.en).join('; ')}`);
        expect(rowFingerprint(def, checked.values)).toBe(row.fingerprint);
      }
    }
  });

  it('tells a plausible story: zero reports, settled disputes with agreements, open and rectified hazards', async () => {
    const q = async (query: ReturnType<typeof sql>) =>
      ((await database.owner.db.execute(query)) as unknown as Array<{ n: number }>)[0]!.n;
    expect(await q(sql`select count(*)::int as n from investigation_rounds where findings_count = 0`)).toBeGreaterThan(
      2_000,
    );
    expect(
      await q(
        sql`select count(*)::int as n from disputes where outcome = 'settled' and settled_on is not null and revisit_class between 1 and 3`,
      ),
    ).toBeGreaterThan(1_000);
    expect(await q(sql`select count(*)::int as n from disputes where outcome = 'pending'`)).toBeGreaterThan(0);
    expect(await q(sql`select count(*)::int as n from disputes where outcome = 'failed'`)).toBeGreaterThan(0);
    expect(
      await q(
        sql`select count(*)::int as n from disputes where outcome <> 'settled' and (settled_on is not null or satisfaction is not null)`,
      ),
    ).toBe(0);
    // Every agreement belongs to a settled dispute of its own unit.
    expect(
      await q(
        sql`select count(*)::int as n from mediation_files m left join disputes d on d.id::text = m.dispute_id and d.unit_code = m.unit_code and d.outcome = 'settled' where d.id is null`,
      ),
    ).toBe(0);
    expect(
      await q(sql`select count(*)::int as n from hazard_checks where rectification_status = 'open'`),
    ).toBeGreaterThan(0);
    expect(
      await q(sql`select count(*)::int as n from hazard_checks where rectification_status = 'rectified'`),
    ).toBeGreaterThan(0);
    expect(
      await q(sql`select count(*)::int as n from info_submissions where adopted_level in ('county', 'city')`),
    ).toBeGreaterThan(0);
    // A village's weekly round counts the disputes it found that day.
    expect(
      await q(sql`select count(*)::int as n from investigation_rounds r where r.unit_code like '%' and length(rtrim(r.unit_code, '0')) > 9 and r.scope = 'routine'
      and r.findings_count <> (select count(*) from disputes d where d.unit_code = r.unit_code and d.found_on = r.held_on and d.source = 'investigation')`),
    ).toBe(0);
  });

  it('builds every case state from its own transitions, numbered 1..N without gaps', async () => {
    const db = database.owner.db;
    const cases = await db.select().from(petitionCases).orderBy(petitionCases.caseNumber);
    expect(cases.length).toBe(summary.cases);
    expect(cases.length).toBeGreaterThanOrEqual(140);
    expect(cases.map((row) => (parseCaseNumber(row.caseNumber) as { sequence: number }).sequence)).toEqual(
      cases.map((_, index) => index + 1),
    );
    const [counter] = (await db.execute(
      sql`select last_number from case_counters where county_id = 1 and year = 2026`,
    )) as unknown as Array<{ last_number: number }>;
    expect(counter!.last_number).toBe(cases.length);

    const actors = new Map(
      (await db.select().from(users)).map((user) => [
        user.id,
        { userId: user.id, unitCode: user.unitCode, role: user.role as Role },
      ]),
    );
    const logs = await db.select().from(caseTransitions).orderBy(caseTransitions.id);
    const calendar = chinaCalendar2026();
    const statuses = new Set<PetitionStatus>();
    for (const row of cases) {
      const log = logs.filter((t) => t.caseId === row.id);
      expect(log[0]!.action).toBe('register');
      const initial = registerCase(
        {
          id: row.id,
          receivedAt: row.receivedAt.toISOString(),
          channel: row.channel,
          unitCode: row.registeredUnitCode,
          peopleCount: row.peopleCount,
          repeat: row.repeatPetition,
          skipLevel: row.skipLevel,
        },
        row.createdAt,
      );
      if (!initial.ok) throw new Error(initial.error.en);
      const events: TransitionEvent[] = log.slice(1).map((t) => ({
        caseId: t.caseId,
        from: t.fromStatus as PetitionStatus,
        to: t.toStatus as PetitionStatus,
        type: t.action as TransitionEvent['type'],
        action: (t.detail as { action: PetitionAction }).action,
        at: t.at.toISOString(),
        actor: actors.get(t.actorUserId)!,
        note: t.note ?? '',
      }));
      const replayed = replay(initial.state, events, calendar);
      if (!replayed.ok) throw new Error(`${row.caseNumber}: event ${replayed.index} ${replayed.error.en}`);
      expect(replayed.state).toEqual(row.state);
      const state = row.state as CaseState;
      expect(row.status).toBe(state.status);
      expect(row.dueOn).toBe(state.assignment?.dueOn ?? null);
      expect(row.version).toBeGreaterThanOrEqual(log.length - 1);
      expect(row.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (row.petitionerIdNumber) expect(validateIdNumber(row.petitionerIdNumber, { today: TODAY }).ok).toBe(true);
      statuses.add(state.status);
    }
    expect([...statuses].sort()).toEqual([
      'accepted',
      'archived',
      'assigned',
      'in_progress',
      'refused',
      'registered',
      'replied',
      'revisited',
    ]);

    const clocks = cases.map((row) => caseClock(row.state as CaseState, NOW, DEFAULT_DEADLINE_RULES, calendar).status);
    expect(clocks.filter((status) => status === 'overdue').length).toBeGreaterThanOrEqual(3);
    expect(
      cases.filter((row) => row.flagged && row.leadLeader && row.responsibilityDeadline).length,
    ).toBeGreaterThanOrEqual(3);
    expect(cases.filter((row) => row.peopleCount >= 5).length).toBeGreaterThan(0);
    expect(cases.filter((row) => row.repeatPetition).length).toBeGreaterThan(0);
    expect(
      cases.filter((row) => row.status === 'refused' && (row.state as CaseState).refusalReason).length,
    ).toBeGreaterThan(0);
  });

  it('publishes this year’s default rule set and records the checkers’ scores and events', async () => {
    const [ruleSet] = await database.owner.db.execute(
      sql`select year, status, content->>'label' as label from assessment_rule_sets`,
    );
    expect(ruleSet).toMatchObject({ year: 2026, status: 'published', label: '综治信访维稳工作考核（百分制）' });
    // 12 townships and 180 villages, scored for Jan–Oct (finished months) and the half year.
    expect(summary.assessment.inspections).toBe(192 * 11);
    const [scores] = await database.owner.db.execute(sql`select min(score)::float as lo, max(score)::float as hi,
      count(*) filter (where length(unit_code) = 12 and right(unit_code, 3) = '000' and entered_by_unit <> '130534000000')::int as townships_not_by_county from inspection_scores`);
    expect(scores).toMatchObject({ townships_not_by_county: 0 });
    expect(Number((scores as { lo: number }).lo)).toBeGreaterThanOrEqual(70);
    expect(Number((scores as { hi: number }).hi)).toBeLessThanOrEqual(98);
    expect(summary.assessment.checkingEvents).toBe(19);
  });

  it('files the 月报 of every township and village for the months past their deadline, a few late or never', async () => {
    // June (due Jul 3) to October (due Nov 3) have passed their deadlines by Nov 23; May began before the history.
    const [row] = [
      ...(await database.owner.db.execute(sql`select count(*)::int as n, count(distinct period_key)::int as periods,
      count(*) filter (where (submitted_at at time zone 'Asia/Shanghai')::date > (period_key || '-01')::date + interval '1 month' + interval '2 days')::int as late_or_shifted
      from reports`)),
    ] as Array<{ n: number; periods: number; late_or_shifted: number }>;
    const [units] = [
      ...(await database.owner.db.execute(sql`select count(*)::int as n from units where level <> 'county'`)),
    ] as Array<{ n: number }>;
    expect(row!.n).toBe(summary.reports);
    expect(row!.periods).toBe(5);
    expect(row!.n).toBeLessThan(units!.n * 5);
    expect(row!.n).toBeGreaterThan(units!.n * 5 * 0.85);
    expect(row!.late_or_shifted).toBeGreaterThan(0);
  });

  it('shows a village clerk only the village’s own rows through the app role', async () => {
    const [clerk] = await database.owner.db.select().from(users).where(eq(users.loginName, 'cun0101'));
    const village = clerk!.unitCode;
    const [own] = (await database.owner.db.execute(
      sql`select count(*)::int as n from disputes where unit_code = ${village}`,
    )) as unknown as Array<{ n: number }>;
    const seen = await withActor(
      database.app.db,
      {
        countyId: 1,
        userId: clerk!.id,
        role: 'village_staff',
        scope: village,
        unitCode: village,
        loginName: 'cun0101',
      },
      async (tx) => {
        const [row] = (await tx.execute(
          sql`select count(*)::int as n, count(*) filter (where unit_code <> ${village})::int as foreign from disputes`,
        )) as unknown as Array<{ n: number; foreign: number }>;
        return row!;
      },
    );
    expect(own!.n).toBeGreaterThan(0);
    expect(seen).toEqual({ n: own!.n, foreign: 0 });
  });
});

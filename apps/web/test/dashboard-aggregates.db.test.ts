import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withActor, type Actor } from '@tally/db';
import {
  defaultRuleSet,
  fundsRuleSet,
  score,
  streetHalfYearRuleSet,
  type RuleSet,
  type UnitFacts,
} from '@tally/scoring';
import { factsFor, unitsUnder } from '../app/.server/assessment/assess-units.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import { countyCalendar } from '../app/.server/services/work-calendar.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';
import { commitAndWait } from '../../../tests/setup/import-commit.ts';

/*
 * unit_month_facts (docs/decisions/0010-dashboard-aggregates.md) on real PostgreSQL: after any
 * sequence of inserts, edits, soft deletes, hard deletes and imports, (1) the maintained rows
 * equal a full recomputation from the base tables, and (2) the facts read from them equal the
 * facts derived from the records (loadFactRows, the reference), kind by kind and month by month,
 * and score alike under every shipped rule set, for a running period (the running month read
 * from the records) and a closed one.
 */
const COUNTY = '130534000000';
let database: TestDatabase;
let admin: Actor;
let villages: Actor[] = [];
let units: string[] = [];
let caseNo = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  admin = await actorByLogin(database.owner.db, 'a_admin');
  villages = [
    await actorByLogin(database.owner.db, 'a_cun0101'),
    await actorByLogin(database.owner.db, 'a_cun0102'),
    await actorByLogin(database.owner.db, 'a_cun0201'),
  ];
  units = (await ownerRows(database, `select code from units where county_id = 1 order by code`)).map((row) =>
    String(row.code),
  );
});

afterAll(async () => {
  await database?.drop();
});

const day = fc
  .integer({ min: 0, max: 400 })
  .map((n) => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
const level = fc.constantFrom('none', 'township', 'county', 'city', 'province', 'central');

type Op =
  | { op: 'meeting'; who: number; day: string; absent: number }
  | { op: 'info'; who: number; day: string; level: string }
  | { op: 'dispute'; who: number; day: string; severity: string; settled: string | null; revisitClass: number | null }
  | { op: 'duty' | 'round' | 'mediation' | 'hazard'; who: number; day: string }
  | { op: 'petition'; registered: number; assigned: number | null; day: string; people: number; skip: boolean }
  | { op: 'edit-day' | 'soft-delete' | 'hard-delete' | 'restore'; table: string; pick: number; day: string }
  | { op: 'edit-absent'; pick: number; absent: number }
  | { op: 'edit-case'; pick: number; assigned: number | null; people: number }
  | { op: 'import'; who: number; days: string[] };

const who = fc.integer({ min: 0, max: 2 });
const tables = fc.constantFrom(
  'meetings',
  'info_submissions',
  'disputes',
  'duty_logs',
  'investigation_rounds',
  'mediation_files',
  'petition_cases',
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('meeting' as const), who, day, absent: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ op: fc.constant('info' as const), who, day, level }),
  fc.record({
    op: fc.constant('dispute' as const),
    who,
    day,
    severity: fc.constantFrom('minor', 'ordinary', 'major'),
    settled: fc.option(day),
    revisitClass: fc.option(fc.integer({ min: 1, max: 3 })),
  }),
  fc.record({
    op: fc.constantFrom('duty' as const, 'round' as const, 'mediation' as const, 'hazard' as const),
    who,
    day,
  }),
  fc.record({
    op: fc.constant('petition' as const),
    registered: fc.integer({ min: 0, max: 6 }),
    assigned: fc.option(fc.integer({ min: 0, max: 6 })),
    day,
    people: fc.integer({ min: 1, max: 8 }),
    skip: fc.boolean(),
  }),
  fc.record({
    op: fc.constantFrom('edit-day' as const, 'soft-delete' as const, 'hard-delete' as const, 'restore' as const),
    table: tables,
    pick: fc.nat(),
    day,
  }),
  fc.record({ op: fc.constant('edit-absent' as const), pick: fc.nat(), absent: fc.integer({ min: 0, max: 5 }) }),
  fc.record({
    op: fc.constant('edit-case' as const),
    pick: fc.nat(),
    assigned: fc.option(fc.integer({ min: 0, max: 6 })),
    people: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({ op: fc.constant('import' as const), who, days: fc.array(day, { minLength: 1, maxLength: 30 }) }),
);

const dateColumn: Record<string, string> = {
  meetings: 'held_on',
  info_submissions: 'submitted_on',
  disputes: 'found_on',
  duty_logs: 'duty_on',
  investigation_rounds: 'held_on',
  mediation_files: 'signed_on',
};

/** Inserts a register row as the village clerk, under RLS: the trigger runs for the app role's statement. */
async function insertAs(actor: Actor, table: string, values: Record<string, unknown>) {
  const columns = ['county_id', 'unit_code', 'fingerprint', 'created_by', ...Object.keys(values)];
  const params = [1, actor.unitCode, `p${Math.random()}`, actor.userId, ...Object.values(values)];
  await withActor(database.app.db, actor, (tx) =>
    tx.execute(
      sql`insert into ${sql.identifier(table)} (${sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      )}) values (${sql.join(
        params.map((p) => sql`${p}`),
        sql`, `,
      )})`,
    ),
  );
}

async function apply(op: Op): Promise<void> {
  switch (op.op) {
    case 'meeting':
      return insertAs(villages[op.who]!, 'meetings', {
        held_on: op.day,
        kind: 'joint',
        attendees: '张三、李四',
        absent_count: op.absent,
      });
    case 'info':
      return insertAs(villages[op.who]!, 'info_submissions', {
        submitted_on: op.day,
        title: '简报',
        adopted_level: op.level,
      });
    case 'dispute':
      return insertAs(villages[op.who]!, 'disputes', {
        found_on: op.day,
        source: 'visit',
        dispute_type: 'neighbours',
        parties: '甲、乙',
        severity: op.severity,
        summary: '宅基地',
        outcome: op.settled ? 'settled' : 'pending',
        settled_on: op.settled,
        revisit_class: op.settled ? op.revisitClass : null,
      });
    case 'duty':
      return insertAs(villages[op.who]!, 'duty_logs', { duty_on: op.day, leader: '王五', staff: '赵六' });
    case 'round':
      return insertAs(villages[op.who]!, 'investigation_rounds', {
        held_on: op.day,
        scope: 'routine',
        findings_count: 0,
      });
    case 'mediation':
      return insertAs(villages[op.who]!, 'mediation_files', {
        agreement_number: `T-${Math.random()}`,
        signed_on: op.day,
        parties: '甲、乙',
        facts: 'f',
        disputed_matters: 'd',
        responsibilities: 'r',
        rights_and_obligations: 'o',
        performance: 'p',
        mediator: 'm',
        committee: 'c',
      });
    case 'hazard':
      return insertAs(villages[op.who]!, 'hazard_checks', { checked_on: op.day, place: '村口', hazard: '电线老化' });
    case 'petition': {
      caseNo++;
      await database.owner.client.unsafe(
        `insert into petition_cases (county_id, case_number, unit_code, registered_unit_code, assigned_unit_code, received_at, channel, category, summary, status, state, petitioner_name, created_by, people_count, skip_level)
         values (1, $1, $2, $2, $3, ($4::date + time '23:30') at time zone 'Asia/Shanghai', 'visit', 'other', 'x', 'registered', '{}', '张三', $5, $6, $7)`,
        [
          `130534-P-${caseNo}`,
          units[op.registered % units.length]!,
          op.assigned === null ? null : units[op.assigned % units.length]!,
          op.day,
          admin.userId,
          op.people,
          op.skip,
        ],
      );
      return;
    }
    case 'edit-day':
    case 'soft-delete':
    case 'hard-delete':
    case 'restore': {
      const rows = await ownerRows(database, `select id from ${op.table} where county_id = 1 order by id`);
      if (rows.length === 0) return;
      const id = rows[op.pick % rows.length]!.id;
      if (op.op === 'hard-delete')
        await database.owner.client.unsafe(`delete from ${op.table} where id = $1`, [id as string]);
      else if (op.op === 'soft-delete')
        await database.owner.client.unsafe(`update ${op.table} set deleted_at = now() where id = $1`, [id as string]);
      else if (op.op === 'restore')
        await database.owner.client.unsafe(`update ${op.table} set deleted_at = null where id = $1`, [id as string]);
      else if (op.table === 'petition_cases')
        await database.owner.client.unsafe(
          `update petition_cases set received_at = ($2::date + time '00:10') at time zone 'Asia/Shanghai' where id = $1`,
          [id as string, op.day],
        );
      else
        await database.owner.client.unsafe(`update ${op.table} set ${dateColumn[op.table]} = $2 where id = $1`, [
          id as string,
          op.day,
        ]);
      return;
    }
    case 'edit-absent': {
      const rows = await ownerRows(database, `select id from meetings where county_id = 1 order by id`);
      if (rows.length > 0)
        await database.owner.client.unsafe(`update meetings set absent_count = $2 where id = $1`, [
          rows[op.pick % rows.length]!.id as string,
          op.absent,
        ]);
      return;
    }
    case 'edit-case': {
      const rows = await ownerRows(database, `select id from petition_cases where county_id = 1 order by id`);
      if (rows.length > 0) {
        await database.owner.client.unsafe(
          `update petition_cases set assigned_unit_code = $2, people_count = $3 where id = $1`,
          [
            rows[op.pick % rows.length]!.id as string,
            op.assigned === null ? null : units[op.assigned % units.length]!,
            op.people,
          ],
        );
      }
      return;
    }
    case 'import': {
      // After the latest day the property draws (2027-01-05): an import refuses meetings dated in the future.
      const caller = createCaller({
        db: database.app.db,
        actor: villages[op.who]!,
        ip: null,
        now: new Date('2027-02-01T02:00:00Z'),
      });
      const csv = [
        '会议日期,会议类型,议题,主持人,参会人员,缺席人数',
        ...op.days.map((d, i) => `${d},主任例会,议题${caseNo}-${i}-${Math.random()},王建国,王建国、李明,${i % 3}`),
      ].join('\r\n');
      const preview = await caller.imports.preview({
        register: 'meetings',
        fileName: 'p.csv',
        bytes: new Uint8Array(Buffer.from(csv, 'utf8')),
      });
      await commitAndWait(caller, { id: preview.id });
      return;
    }
  }
}

const recomputed = () =>
  ownerRows(
    database,
    `select county_id, unit_code, month::text, source, variant, n, total::int, days from unit_month_facts_recomputed() where n <> 0 order by 1, 2, 3, 4, 5`,
  );
const maintained = () =>
  ownerRows(
    database,
    `select county_id, unit_code, month::text, source, variant, n, total::int, days from unit_month_facts where n <> 0 order by 1, 2, 3, 4, 5`,
  );

/** Per unit: kind|level|key|month (a settled dispute: its day) → [facts, summed count]; what both readings must agree on. */
function signature(facts: readonly UnitFacts[]): Record<string, Record<string, [number, number]>> {
  const out: Record<string, Record<string, [number, number]>> = {};
  for (const unit of facts) {
    const into = (out[unit.unitId] = {} as Record<string, [number, number]>);
    const add = (key: string, times: number, count: number) => {
      const was = into[key] ?? [0, 0];
      into[key] = [was[0] + times, was[1] + count];
    };
    for (const e of unit.events ?? [])
      add(
        `e|${e.kind}|${e.level ?? ''}|${e.kind.includes('settled') ? e.date : e.date.slice(0, 7)}`,
        e.times ?? 1,
        e.count ?? e.times ?? 1,
      );
    for (const r of unit.records ?? [])
      add(`r|${r.kind}|${r.key ?? ''}|${r.date.slice(0, 7)}`, r.times ?? 1, r.times ?? 1);
    // A register counts once per month read: the aggregate's month row, or the first record in the window.
    for (const key of Object.keys(into)) if (key.startsWith('r|register|')) into[key] = [1, 1];
    for (const i of unit.inspections ?? []) add(`i|${i.component}|${i.date}|${i.score}`, 1, 1);
    for (const v of unit.vetoes ?? []) add(`v|${v.kind}|${v.date}`, 1, 1);
  }
  return out;
}

/** Drizzle wraps the server's error; the refusal reason is on its cause. */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
  }
  return 'not refused';
}

const RULE_SETS: RuleSet[] = [defaultRuleSet(), fundsRuleSet(), streetHalfYearRuleSet()];

async function compareReadings(scopeCode: string, now: Date) {
  await withActor(database.app.db, admin, async (tx) => {
    const ranked = await unitsUnder(tx, 1, scopeCode);
    const calendar = await countyCalendar(tx, 1);
    for (const period of ['year', 'Q2'] as const) {
      const ranking = { countyId: 1, year: 2026, period };
      const records = await factsFor(tx, ranking, ranked, RULE_SETS, calendar, now, 'records');
      const aggregates = await factsFor(tx, ranking, ranked, RULE_SETS, calendar, now, 'aggregates');
      const registers = (f: UnitFacts[]) =>
        f.map((u) => [
          u.unitId,
          [...new Set((u.records ?? []).filter((r) => r.kind === 'register').map((r) => r.key))].sort(),
        ]);
      expect(registers(aggregates.facts)).toEqual(registers(records.facts));
      expect(
        signature(
          aggregates.facts.map((u) => ({ ...u, records: (u.records ?? []).filter((r) => r.kind !== 'register') })),
        ),
      ).toEqual(
        signature(
          records.facts.map((u) => ({ ...u, records: (u.records ?? []).filter((r) => r.kind !== 'register') })),
        ),
      );
      for (const ruleSet of RULE_SETS) {
        const totals = (facts: UnitFacts[]) =>
          score(ruleSet, facts, { explain: false, periodClosed: records.closed }).map((a) => [
            a.unitId,
            a.base,
            a.bonus,
            a.deductions,
            a.final,
            a.vetoed,
            a.atRisk,
          ]);
        expect(totals(aggregates.facts)).toEqual(totals(records.facts));
      }
    }
  });
}

describe('unit_month_facts', () => {
  it('the migration backfilled and the triggers keep the rows equal to a full recomputation, and the facts read from them equal the records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const op of ops) {
          await apply(op);
          expect({ op, rows: await maintained() }).toEqual({ op, rows: await recomputed() });
        }
        for (const now of [new Date('2026-05-20T04:00:00Z'), new Date('2027-01-10T04:00:00Z')]) {
          await compareReadings(COUNTY, now);
          await compareReadings('130534100000', now);
        }
      }),
      { numRuns: 15 },
    );
    const [count] = await ownerRows(database, `select count(*)::int as n from unit_month_facts where n > 0`);
    expect(Number(count!.n)).toBeGreaterThan(10);
    expect(await ownerRows(database, `select * from unit_month_facts where n < 0 or total < 0`)).toEqual([]);
  }, 600_000);

  it('the app role reads its scope of the rows and cannot write them', async () => {
    const village = villages[0]!;
    const seen = await withActor(database.app.db, village, (tx) =>
      tx.select({ unitCode: schema.unitMonthFacts.unitCode }).from(schema.unitMonthFacts),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((row) => row.unitCode))).toEqual(new Set([village.unitCode]));
    expect(
      await refusal(withActor(database.app.db, admin, (tx) => tx.execute(sql`update unit_month_facts set n = n + 1`))),
    ).toMatch(/permission denied/);
    expect(
      await refusal(
        withActor(database.app.db, admin, (tx) =>
          tx.execute(
            sql`insert into unit_month_facts (county_id, unit_code, month, source) values (1, '130534100201', '2026-01-01', 'meeting')`,
          ),
        ),
      ),
    ).toMatch(/permission denied/);
  });
});

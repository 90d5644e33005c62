import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '@tally/db';
import { registerDefs, registerKeys } from '@tally/db/registers';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin } from '../../../tests/setup/two-counties.ts';
import { seedThreeYears, THREE_YEAR_TABLES, type ThreeYearSummary } from '../src/index.ts';

/*
 * The bench's data set, on a two-month history so the test stays small: the same statements as
 * the three-year load. Volumes and speed are the bench's business (`npm run bench -- --seed-3y`).
 */
const NOW = new Date('2026-11-23T10:00:00+08:00');
const options = { now: NOW, months: 2, casesPerYear: 120 };
let first: TestDatabase;
let second: TestDatabase;
let third: TestDatabase;
let summary: ThreeYearSummary;

beforeAll(async () => {
  [first, second, third] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
  summary = await seedThreeYears(first.owner.db, options);
  await seedThreeYears(second.owner.db, options);
  await seedThreeYears(third.owner.db, { ...options, seed: 7 });
}, 300_000);

afterAll(async () => {
  await Promise.all([first?.drop(), second?.drop(), third?.drop()]);
});

/**
 * One digest of a table's rows in id order. Users are provisioned with random ids, so the
 * columns naming one (created_by) are left out; a case's state names them too, so cases are
 * compared on their own columns.
 */
async function digest(database: TestDatabase, table: string): Promise<string> {
  const rows =
    table === 'petition_cases'
      ? sql`select id, jsonb_build_array(case_number, unit_code, registered_unit_code, status, received_at, category, summary, petitioner_name) as j from petition_cases`
      : sql`select id, to_jsonb(t) - 'created_by' as j from ${sql.identifier(table)} t`;
  const [row] = await database.owner.db.execute(
    sql`select md5(coalesce(string_agg(r.j::text, '|' order by r.id::text), '')) as d from (${rows}) r`,
  );
  return String(row?.d);
}

describe('three-year data set (two months of it)', () => {
  it('fills every table it names and reports the rows it counted', async () => {
    for (const table of THREE_YEAR_TABLES) expect(summary.rows[table], table).toBeGreaterThan(0);
    expect(summary.rows.units).toBe(193);
    expect(summary.rows.petition_cases).toBe(20);
  });

  it('dates every register row inside the history, before today', async () => {
    for (const key of registerKeys) {
      const date = registerDefs[key].fields.find((field) => field.type === 'date')!.column!;
      const [row] =
        await first.owner.db.execute(sql`select min(${sql.identifier(date)})::text as first, max(${sql.identifier(date)})::text as last
        from ${sql.identifier(key)}`);
      expect(String(row?.first) >= '2026-09-23', key).toBe(true);
      expect(String(row?.last) < '2026-11-23', key).toBe(true);
    }
  });

  it('gives the same rows for the same seed and other rows for another seed', async () => {
    for (const table of ['duty_logs', 'disputes', 'mediation_files', 'reports', 'petition_cases']) {
      expect(await digest(second, table), table).toBe(await digest(first, table));
      expect(await digest(third, table), table).not.toBe(await digest(first, table));
    }
  });

  it('is read under row-level security like any data: a township sees its own area only', async () => {
    const township = await actorByLogin(first.owner.db, 'zhen01');
    const seen = await withActor(first.app.db, township, (tx) =>
      tx.execute(
        sql`select count(*)::int as n, count(*) filter (where unit_code not like ${`${township.unitCode.slice(0, 9)}%`})::int as outside from duty_logs`,
      ),
    );
    expect(Number(seen[0]?.n)).toBeGreaterThan(0);
    expect(Number(seen[0]?.outside)).toBe(0);
  });
});

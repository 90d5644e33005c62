import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor, type Actor } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * The reports-upward policies on their own: a unit files its own report, the unit directly
 * above reads and reviews it, the county reads all, a sibling and another county see nothing,
 * and a filed version never changes.
 */
let database: TestDatabase;
const actors: Record<string, Actor> = {};
const VILLAGE = '130534100201';
const TOWNSHIP = '130534100000';
const narrative = JSON.stringify({ work: '开展排查', problems: '无', plans: '继续' });

async function count(actor: Actor, table: 'reports' | 'report_versions'): Promise<number> {
  const [row] = (await withActor(database.app.db, actor, (tx) =>
    tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
  )) as unknown as Array<{ n: number }>;
  return row!.n;
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
  }
  return 'not refused';
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  for (const login of ['a_cun0101', 'a_cun0102', 'a_zhen01', 'a_zhen02', 'a_admin', 'a_auditor', 'b_admin'])
    actors[login] = await actorByLogin(database.owner.db, login);
});

afterAll(async () => {
  await database?.drop();
});

describe('reports policies', () => {
  let reportId = '';

  it('a village writes a draft of its own, never of its sibling, never filed on insert', async () => {
    const village = actors.a_cun0101!;
    const [row] = (await withActor(database.app.db, village, (tx) =>
      tx.execute(
        sql`insert into reports (county_id, unit_code, parent_code, kind, period_key, narrative, created_by) values (1, ${VILLAGE}, ${TOWNSHIP}, 'monthly', '2026-03', ${narrative}, ${village.userId}) returning id`,
      ),
    )) as unknown as Array<{ id: string }>;
    reportId = row!.id;
    expect(
      await refusal(
        withActor(database.app.db, village, (tx) =>
          tx.execute(
            sql`insert into reports (county_id, unit_code, parent_code, kind, period_key, narrative, created_by) values (1, '130534100202', ${TOWNSHIP}, 'monthly', '2026-03', ${narrative}, ${village.userId})`,
          ),
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('the township does not see a draft; it sees the report once filed', async () => {
    expect(await count(actors.a_zhen01!, 'reports')).toBe(0);
    const village = actors.a_cun0101!;
    await withActor(database.app.db, village, async (tx) => {
      await tx.execute(
        sql`insert into report_versions (county_id, report_id, unit_code, parent_code, version_no, draft_version, zero, figures, narrative, submitted_at, submitted_by, submitted_by_name) values (1, ${reportId}, ${VILLAGE}, ${TOWNSHIP}, 1, 0, false, '{"cases":1}', ${narrative}, now(), ${village.userId}, '村干部')`,
      );
      await tx.execute(
        sql`update reports set state = 'submitted', filed_version_no = 1, submitted_at = now(), version = version + 1 where id = ${reportId}`,
      );
    });
    expect(await count(actors.a_zhen01!, 'reports')).toBe(1);
    expect(await count(actors.a_zhen01!, 'report_versions')).toBe(1);
    expect(await count(actors.a_admin!, 'reports')).toBe(1);
  });

  it('a sibling village, another township, the auditor and another county see nothing', async () => {
    for (const login of ['a_cun0102', 'a_zhen02', 'a_auditor', 'b_admin']) {
      expect(await count(actors[login]!, 'reports'), login).toBe(0);
      expect(await count(actors[login]!, 'report_versions'), login).toBe(0);
    }
  });

  it('the filing village cannot review its own report, nor change it once filed', async () => {
    const village = actors.a_cun0101!;
    const changed = await withActor(database.app.db, village, (tx) =>
      tx.execute(sql`update reports set state = 'accepted' where id = ${reportId} returning id`),
    );
    expect([...changed]).toEqual([]);
    const reviewed = await withActor(database.app.db, village, (tx) =>
      tx.execute(
        sql`update report_versions set review_outcome = 'accepted', reviewed_at = now() where report_id = ${reportId} returning id`,
      ),
    );
    expect([...reviewed]).toEqual([]);
  });

  it('the county, two levels up, cannot review a village report; the township directly above can', async () => {
    const county = await withActor(database.app.db, actors.a_admin!, (tx) =>
      tx.execute(sql`update reports set state = 'accepted' where id = ${reportId} returning id`),
    );
    expect([...county]).toEqual([]);
    const township = await withActor(database.app.db, actors.a_zhen01!, (tx) =>
      tx.execute(sql`update reports set state = 'returned', ever_returned = true where id = ${reportId} returning id`),
    );
    expect([...township]).toHaveLength(1);
  });

  it('a filed version is immutable: a review may be written once, the figures never change', async () => {
    const township = actors.a_zhen01!;
    await withActor(database.app.db, township, (tx) =>
      tx.execute(
        sql`update report_versions set review_outcome = 'returned', review_comment = '数据不全', reviewed_at = now(), reviewed_by = ${township.userId}, reviewed_by_name = '镇干部' where report_id = ${reportId}`,
      ),
    );
    const again = await withActor(database.app.db, township, (tx) =>
      tx.execute(sql`update report_versions set review_comment = '改' where report_id = ${reportId} returning id`),
    );
    expect([...again]).toEqual([]);
    expect(
      await refusal(
        database.owner.db.execute(
          sql`update report_versions set figures = '{"cases":0}' where report_id = ${reportId}`,
        ),
      ),
    ).toMatch(/immutable/);
  });
});

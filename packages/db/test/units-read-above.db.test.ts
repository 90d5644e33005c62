import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../src/with-actor.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/* units_read_above: a unit reads its own scope and the units directly above it, nothing beside. */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
});
afterAll(async () => {
  await database?.drop();
});

const codesSeenBy = async (login: string) => {
  const actor = await actorByLogin(database.owner.db, login);
  const rows = await withActor(database.app.db, actor, (tx) => tx.execute(sql`select code from units order by code`));
  return [...rows].map((row) => String(row.code));
};

describe('units_read_above', () => {
  it('lets a village read its township and county, and no sibling', async () => {
    expect(await codesSeenBy('a_cun0101')).toEqual(['130534000000', '130534100000', '130534100201']);
  });

  it('lets a township read its county and its own villages, never the other township', async () => {
    const seen = await codesSeenBy('a_zhen01');
    expect(seen[0]).toBe('130534000000');
    expect(seen.every((code) => code === '130534000000' || code.startsWith('130534100'))).toBe(true);
  });

  it('reads nothing of another county', async () => {
    expect((await codesSeenBy('b_cun0101')).every((code) => code.startsWith('130535'))).toBe(true);
  });
});

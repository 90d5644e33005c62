import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/index.ts';
import { withActor, withSignInContext } from '../src/with-actor.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * The identity settings go out with a transaction's first statement instead of a round trip
 * before it (with-actor.ts, settingsThen): every statement, the first one and statements sent
 * together included, must still run under the settings, and a failing setting must fail the
 * transaction with its own error.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
});
afterAll(async () => {
  await database?.drop();
});

const settingsRow = sql`select current_setting('app.county_id', true) as county, current_setting('app.scope', true) as scope, current_setting('app.login_name', true) as login`;

describe('withActor and withSignInContext', () => {
  it('run the first statement, and statements sent together, under the settings', async () => {
    const actor = await actorByLogin(database.owner.db, 'a_zhen01');
    for (let round = 0; round < 20; round++) {
      // Statements issued every way a caller writes them: an explicit `.then` (the earliest a
      // statement can be issued), `Promise.all`, and a plain `await`.
      const [thenFirst, [first, units, again], awaited] = await withActor(database.app.db, actor, async (tx) => {
        const early = tx
          .select({ code: schema.units.code })
          .from(schema.units)
          .then((rows) => rows);
        const together = Promise.all([
          tx.execute(settingsRow),
          tx.select({ code: schema.units.code }).from(schema.units),
          tx.execute(settingsRow),
        ]);
        const late = await tx.execute(settingsRow);
        return [await early, await together, late] as const;
      });
      expect(thenFirst).toEqual(units);
      expect([...first][0]).toEqual({ county: String(actor.countyId), scope: actor.scope, login: '' });
      expect([...again][0]).toEqual([...first][0]);
      expect([...awaited][0]).toEqual([...first][0]);
      expect(units.length).toBeGreaterThan(1);
      expect(units.every((unit) => unit.code === '130534000000' || unit.code.startsWith(actor.scope))).toBe(true);
    }
    const [signIn] = await withSignInContext(
      database.app.db,
      { countyId: actor.countyId, loginName: 'a_zhen01' },
      (tx) => tx.select({ login: schema.users.loginName }).from(schema.users),
    );
    expect(signIn).toEqual({ login: 'a_zhen01' });
  });

  it('fail with the settings’ own error when a setting is refused', async () => {
    const actor = await actorByLogin(database.owner.db, 'a_zhen01');
    // A NUL cannot be a setting's value: the settings statement fails, and so does the transaction.
    const broken = { ...actor, scope: 'bad\u0000scope' };
    await expect(withActor(database.app.db, broken, (tx) => tx.execute(sql`select 1`))).rejects.toThrow();
    // The pool's connection is usable afterwards.
    const rows = await withActor(database.app.db, actor, (tx) => tx.execute(settingsRow));
    expect([...rows][0]?.scope).toBe(actor.scope);
  });
});

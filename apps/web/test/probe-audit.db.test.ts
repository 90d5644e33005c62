import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../app/.server/routers/root.ts';
import { PROBES_PER_MINUTE } from '../app/.server/services/probe-audit.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * Guessing ids: a record out of scope answers 404 like one that does not exist, and the
 * guess is audited (denied.not_found) at most PROBES_PER_MINUTE times a minute per actor.
 */
let database: TestDatabase;
const start = new Date('2026-11-23T02:00:00Z');
const dispute = {
  foundOn: '2026-11-02',
  source: '排查',
  disputeType: '邻里',
  parties: '张三、李四',
  severity: '轻微',
  summary: '宅基地边界',
};

const callerAt = async (login: string, now: Date) =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.1.1.9', now });
const probes = (login: string) =>
  ownerRows(
    database,
    `select action, object_type, object_id, result, actor_login, ip, detail from audit_log where action = 'denied.not_found' and actor_login = $1 order by id`,
    login,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
});
afterAll(async () => {
  await database?.drop();
});

describe('probing ids outside the scope', () => {
  it('a sibling village asking for a row: 404, and one audit row naming what was asked', async () => {
    const { id } = await (await callerAt('a_cun0101', start)).registers.create({
      register: 'disputes',
      values: dispute,
    });
    const sibling = await callerAt('a_cun0102', start);
    await expect(sibling.registers.get({ register: 'disputes', id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await probes('a_cun0102')).toEqual([
      {
        action: 'denied.not_found',
        object_type: 'registers.get',
        object_id: id,
        result: 'denied',
        actor_login: 'a_cun0102',
        ip: '10.1.1.9',
        detail: { reason: 'not_found' },
      },
    ]);
  });

  it('a unit outside the scope in a list filter is a probe too', async () => {
    const village = await callerAt('a_cun0101', start);
    await expect(village.registers.list({ register: 'disputes', unitCode: '130534100202' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await probes('a_cun0101')).map((row) => [row.object_type, row.object_id])).toEqual([
      ['registers.list', '130534100202'],
    ]);
  });

  it(`a script guessing ids leaves at most ${PROBES_PER_MINUTE} rows a minute, then more the next minute`, async () => {
    const guesser = await callerAt('a_zhen01', start);
    for (let i = 0; i < PROBES_PER_MINUTE + 15; i++) {
      await expect(guesser.cases.get({ id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await probes('a_zhen01')).toHaveLength(PROBES_PER_MINUTE);
    const later = await callerAt('a_zhen01', new Date(start.getTime() + 61_000));
    await expect(later.cases.get({ id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await probes('a_zhen01')).toHaveLength(PROBES_PER_MINUTE + 1);
  });

  it('polling an upload batch that is not created yet is not a probe', async () => {
    const village = await callerAt('a_cun0102', start);
    const before = (await probes('a_cun0102')).length;
    await expect(village.imports.progress({ id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await probes('a_cun0102')).toHaveLength(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/* 第一时间报告: filed by the unit where it happened, read by every unit above it, judged against one hour. */
let database: TestDatabase;
const make = async (login: string, now: Date) =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.6.6.6', now });
// 23:40 on 2026-10-01 in Shanghai.
const NOW = new Date('2026-10-01T15:40:00Z');
const event = {
  eventKind: 'mass_incident',
  title: '村口聚集',
  summary: '约二十名村民在村口聚集反映征地补偿问题，已劝离。',
};

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
});
afterAll(async () => {
  await database?.drop();
});

describe('第一时间报告', () => {
  it('reported 50 minutes after being known is within the hour; 61 minutes is late', async () => {
    const village = await make('a_cun0101', NOW);
    const inTime = await village.reports.fileImmediate({
      ...event,
      occurredAt: '2026-10-01T22:30:00+08:00',
      knownAt: '2026-10-01T22:50:00+08:00',
    });
    expect(inTime).toMatchObject({ minutes: 50, withinLimit: true, unitCode: '130534100201' });
    const late = await village.reports.fileImmediate({
      ...event,
      title: '迟报事件',
      occurredAt: '2026-10-01T22:00:00+08:00',
      knownAt: '2026-10-01T22:39:00+08:00',
    });
    expect(late).toMatchObject({ minutes: 61, withinLimit: false });
    const audit = await ownerRows(
      database,
      "select count(*)::int as n from audit_log where action = 'reports.fileImmediate' and result = 'ok'",
    );
    expect(audit).toEqual([{ n: 2 }]);
  });

  it('reaches the township and the county at once; a sibling and another county see nothing', async () => {
    for (const login of ['a_zhen01', 'a_admin', 'a_cun0101']) {
      expect(
        (await (await make(login, NOW)).reports.immediateList({ year: 2026 })).map((r) => r.title).sort(),
        login,
      ).toEqual(['村口聚集', '迟报事件']);
    }
    for (const login of ['a_cun0102', 'a_zhen02', 'b_admin']) {
      expect(await (await make(login, NOW)).reports.immediateList({ year: 2026 }), login).toEqual([]);
    }
  });

  it('refuses a time known in the future or before the event, an unknown kind, an empty summary; the county files none', async () => {
    const village = await make('a_cun0101', NOW);
    await expect(
      village.reports.fileImmediate({
        ...event,
        occurredAt: '2026-10-01T23:00:00+08:00',
        knownAt: '2026-10-01T23:50:00+08:00',
      }),
    ).rejects.toMatchObject({ messageKey: 'reports.error.immediateOrder' });
    await expect(
      village.reports.fileImmediate({
        ...event,
        occurredAt: '2026-10-01T23:00:00+08:00',
        knownAt: '2026-10-01T22:50:00+08:00',
      }),
    ).rejects.toMatchObject({ messageKey: 'reports.error.immediateOrder' });
    await expect(
      village.reports.fileImmediate({ ...event, occurredAt: 'yesterday', knownAt: '2026-10-01T22:50:00+08:00' }),
    ).rejects.toMatchObject({ messageKey: 'reports.error.instant' });
    await expect(
      village.reports.fileImmediate({
        ...event,
        eventKind: 'picnic',
        occurredAt: '2026-10-01T22:00:00+08:00',
        knownAt: '2026-10-01T22:50:00+08:00',
      }),
    ).rejects.toMatchObject({ messageKey: 'reports.error.eventKind' });
    await expect(
      village.reports.fileImmediate({
        ...event,
        summary: '  ',
        occurredAt: '2026-10-01T22:00:00+08:00',
        knownAt: '2026-10-01T22:50:00+08:00',
      }),
    ).rejects.toMatchObject({ messageKey: 'reports.error.immediateSummary' });
    const county = await make('a_admin', NOW);
    await expect(
      county.reports.fileImmediate({
        ...event,
        occurredAt: '2026-10-01T22:00:00+08:00',
        knownAt: '2026-10-01T22:50:00+08:00',
      }),
    ).rejects.toMatchObject({ messageKey: 'reports.error.noObligation' });
  });
});

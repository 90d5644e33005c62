import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
const callers = {} as Record<'village' | 'township' | 'county' | 'otherVillage', Caller>;
// Thursday 2026-09-24, 10:00 in Shanghai: 中秋 (Sep 25–27) and 国庆 (Oct 1–7) lie ahead.
const now = new Date('2026-09-24T02:00:00Z');
const intake = {
  receivedAt: '2026-09-24T09:30:00+08:00',
  channel: 'visit' as const,
  peopleCount: 6,
  category: 'land_requisition' as const,
  summary: '征地补偿款未到位',
  petitionerName: '李建国',
  petitionerIdNumber: '11010519491231002X',
  petitionerPhone: '13812345678',
  petitionerAddress: '城关镇史桥村三组12号',
};

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  const make = async (login: string) =>
    createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.1.1.1', now });
  callers.village = await make('a_cun0101');
  callers.township = await make('a_zhen01');
  callers.county = await make('a_staff');
  callers.otherVillage = await make('a_cun0201');
});
afterAll(async () => {
  await database?.drop();
});

describe('intake', () => {
  it('numbers cases per county and year without gaps under concurrent intake', async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? callers.village : callers.township).cases.register({ ...intake, peopleCount: 1 }),
      ),
    );
    const sequences = results.map((r) => Number(r.caseNumber.split('-')[2])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(results[0]!.caseNumber).toMatch(/^130534-2026-\d{6}$/);
  });

  it('refuses an ID number with a wrong check digit, in Chinese, and uses no number', async () => {
    const before = await database.owner
      .client`select last_number from case_counters where county_id = 1 and year = 2026`;
    await expect(
      callers.village.cases.register({ ...intake, petitionerIdNumber: '110105194912310021' }),
    ).rejects.toMatchObject({ messageKey: 'error.domain', params: { zh: expect.stringContaining('校验') } });
    const after = await database.owner
      .client`select last_number from case_counters where county_id = 1 and year = 2026`;
    expect(after[0]!.last_number).toBe(before[0]!.last_number);
  });
});

describe('personal data (§8)', () => {
  it('is full for the handling unit, masked above it, and revealing it is audited', async () => {
    const { id } = await callers.village.cases.register(intake);
    const own = await callers.village.cases.get({ id });
    expect(own).toMatchObject({
      masked: false,
      petitionerIdNumber: '11010519491231002X',
      petitionerPhone: '13812345678',
    });
    const fromCounty = await callers.county.cases.get({ id });
    expect(fromCounty).toMatchObject({
      masked: true,
      petitionerIdNumber: '110105********002X',
      petitionerPhone: '138****5678',
    });
    expect(fromCounty.petitionerName).not.toBe('李建国');
    const listed = await callers.township.cases.list({ page: 1, pageSize: 100 });
    expect(listed.rows.find((row) => row.id === id)).toMatchObject({ masked: true });
    expect(await callers.county.cases.reveal({ id })).toMatchObject({ petitionerName: '李建国' });
    const audit = await database.owner.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'cases.reveal'));
    expect(audit).toEqual([expect.objectContaining({ actorLogin: 'a_staff', result: 'ok', ip: '10.1.1.1' })]);
  });
});

describe('export (§8)', () => {
  it('carries petitioners only for cases of the exporting unit, honours the filters, and is audited', async () => {
    const { id } = await callers.village.cases.register({ ...intake, summary: '导出专用', channel: 'letter' });
    const own = (await callers.village.cases.exportRows({ channel: 'letter' })).find((row) => row.id === id);
    expect(own).toMatchObject({
      petitionerName: '李建国',
      petitionerIdNumber: '11010519491231002X',
      summary: '导出专用',
    });
    const above = (await callers.county.cases.exportRows({ channel: 'letter' })).find((row) => row.id === id);
    expect(above).toMatchObject({
      petitionerName: null,
      petitionerIdNumber: null,
      petitionerPhone: null,
      petitionerAddress: null,
      summary: null,
    });
    expect((await callers.county.cases.exportRows({ channel: 'visit' })).some((row) => row.id === id)).toBe(false);
    await expect(
      callers.county.cases.exportRows({ receivedFrom: '2026-10-01', receivedTo: '2026-09-01' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const audit = await database.owner.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'cases.export'));
    expect(audit.map((row) => row.actorLogin)).toEqual(['a_cun0101', 'a_staff', 'a_staff']);
  });
});

describe('workflow through the API', () => {
  it('runs register → accept → assign → start → reply → revisit → archive, recording every step', async () => {
    const { id } = await callers.village.cases.register(intake);
    let version = 0;
    const step = async (caller: Caller, action: Parameters<Caller['cases']['transition']>[0]['action']) => {
      const result = await caller.cases.transition({ id, version, action });
      version = result.version;
      return result.status;
    };
    expect(await step(callers.village, { type: 'accept' })).toBe('accepted');
    expect(
      await step(callers.village, {
        type: 'assign',
        unitCode: '130534100201',
        person: '王主任',
        complexity: 'general',
      }),
    ).toBe('assigned');
    const assigned = await callers.village.cases.get({ id });
    // 7 calendar days from Sep 24 is Oct 1, inside the National Day holiday: due the next working day, Oct 8.
    expect(assigned.dueOn).toBe('2026-10-08');
    expect(await step(callers.village, { type: 'start' })).toBe('in_progress');
    expect(await step(callers.village, { type: 'reply', method: 'in_person', content: '已协调补偿款发放' })).toBe(
      'replied',
    );
    // Six people: a collective petition, so it cannot be archived before the revisit.
    await expect(callers.village.cases.transition({ id, version, action: { type: 'archive' } })).rejects.toMatchObject({
      messageKey: 'error.domain',
      params: { zh: expect.stringContaining('回访') },
    });
    expect(await step(callers.village, { type: 'revisit', satisfaction: 'satisfied' })).toBe('revisited');
    expect(await step(callers.village, { type: 'archive' })).toBe('archived');
    const done = await callers.village.cases.get({ id });
    expect(done.transitions.map((t) => `${t.fromStatus ?? '-'}>${t.toStatus}`)).toEqual([
      '->registered',
      'registered>accepted',
      'accepted>assigned',
      'assigned>in_progress',
      'in_progress>replied',
      'replied>revisited',
      'revisited>archived',
    ]);
    expect(done.closedAt).not.toBeNull();
  });

  it('escalates village → township: the township handles it, the village still sees it, a sibling village never does', async () => {
    const { id } = await callers.village.cases.register({ ...intake, peopleCount: 1 });
    await callers.village.cases.transition({
      id,
      version: 0,
      action: { type: 'escalate', toUnitCode: '130534100000', toLevel: 'township', reason: '涉及多村' },
    });
    const atTownship = await callers.township.cases.get({ id });
    expect(atTownship.unitCode).toBe('130534100000');
    expect(atTownship.allowedActions).toContain('accept');
    expect((await callers.village.cases.get({ id })).allowedActions).toEqual([]);
    await expect(callers.otherVillage.cases.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a stale version and never overwrites the log', async () => {
    const { id } = await callers.village.cases.register({ ...intake, peopleCount: 1 });
    await callers.village.cases.transition({ id, version: 0, action: { type: 'accept' } });
    await expect(
      callers.village.cases.transition({ id, version: 0, action: { type: 'refuse', reason: '重复' } }),
    ).rejects.toMatchObject({ messageKey: 'error.case.stale' });
    const log = await database.owner.db.execute(
      sql`select count(*)::int as n from case_transitions where case_id = ${id}`,
    );
    expect((log as unknown as Array<{ n: number }>)[0]!.n).toBe(2);
  });

  it('lists overdue cases by the working-day clock', async () => {
    const { id } = await callers.township.cases.register({
      ...intake,
      peopleCount: 1,
      receivedAt: '2026-09-01T09:00:00+08:00',
    });
    const later = createCaller({
      db: database.app.db,
      actor: await actorByLogin(database.owner.db, 'a_zhen01'),
      ip: null,
      now: new Date('2026-09-01T03:00:00Z'),
    });
    await later.cases.transition({ id, version: 0, action: { type: 'accept' } });
    await later.cases.transition({
      id,
      version: 1,
      action: { type: 'assign', unitCode: '130534100000', person: '赵科长', complexity: 'simple' },
    });
    const overdue = await callers.township.cases.list({ page: 1, pageSize: 100, overdue: true });
    expect(overdue.rows.map((row) => row.id)).toEqual([id]);
    expect(overdue.rows[0]!.clock.status).toBe('overdue');
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveOpenCasesAClock, schema } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/* Issue 13: every open case runs a clock, lands in the acting unit's to-do with it, and its notice comes from the unit above. */
let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
const TOWNSHIP = '130534100000';
const COUNTY = '130534000000';
const callerAt = async (login: string, at: Date) =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.1.1.3', now: at });
const unitName = async (code: string) =>
  (
    await database.owner.db.select({ name: schema.units.name }).from(schema.units).where(eq(schema.units.code, code))
  )[0]!.name;
const waitingIds = async (caller: Caller) =>
  (await caller.cases.list({ awaitingMyUnit: true, pageSize: 100 })).rows.map((row) => row.id);
const visit = {
  channel: 'visit' as const,
  category: 'land_requisition' as const,
  summary: '征地补偿款未发放',
  petitionerName: '孙建国',
};

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
});
afterAll(async () => {
  await database?.drop();
});

describe('a skip-level petition escalated to the township', () => {
  it("lands in that township's to-do with its acceptance clock, and not in another township's", async () => {
    // Mon Sep 14: 60 people come to the village, skip-level; the village accepts and then escalates on Mon Sep 28.
    const village = await callerAt('a_cun0101', new Date('2026-09-14T02:00:00Z'));
    const { id } = await village.cases.register({
      ...visit,
      receivedAt: '2026-09-14T09:00:00+08:00',
      peopleCount: 60,
      skipLevel: true,
    });
    expect(await waitingIds(village)).toContain(id);
    await village.cases.transition({ id, version: 0, action: { type: 'accept' } });
    const onSep28 = await callerAt('a_cun0101', new Date('2026-09-28T02:00:00Z'));
    await onSep28.cases.transition({
      id,
      version: 1,
      action: { type: 'escalate', toUnitCode: TOWNSHIP, toLevel: 'township', reason: '涉及多村，人数众多' },
    });

    const township = await callerAt('a_zhen01', new Date('2026-09-30T02:00:00Z'));
    const listed = (await township.cases.list({ awaitingMyUnit: true, pageSize: 100 })).rows.find(
      (row) => row.id === id,
    );
    // Arrived Sep 28; decide within 15 days: Oct 13. On Sep 30: Oct 8, 9, 10 (make-up), 12, 13 → 5 working days.
    expect(listed).toMatchObject({
      status: 'registered',
      skipLevel: true,
      peopleCount: 60,
      clock: { status: 'on_time', stage: 'accept', dueOn: '2026-10-13', daysLeft: 5 },
    });
    // No longer waiting on the village; never on the other township, which does not even see it.
    expect(await waitingIds(await callerAt('a_cun0101', new Date('2026-09-30T02:00:00Z')))).not.toContain(id);
    const other = await callerAt('a_zhen02', new Date('2026-09-30T02:00:00Z'));
    expect(await waitingIds(other)).not.toContain(id);
    expect((await other.cases.list({ pageSize: 100 })).rows.map((row) => row.id)).not.toContain(id);

    // Left undecided, it turns overdue on Oct 14 and shows in the overdue list (the to-do's count).
    const late = await callerAt('a_zhen01', new Date('2026-10-14T02:00:00Z'));
    expect((await late.cases.list({ overdue: true, pageSize: 100 })).rows.map((row) => row.id)).toContain(id);

    // The township accepts and assigns it down to the village: it waits on the village again, on the handling clock.
    await township.cases.transition({ id, version: 2, action: { type: 'accept' } });
    expect(
      (await township.cases.list({ awaitingMyUnit: true, pageSize: 100 })).rows.find((row) => row.id === id)?.clock,
    ).toMatchObject({ stage: 'assign', dueOn: '2026-10-09' });
    await township.cases.transition({
      id,
      version: 3,
      action: { type: 'assign', unitCode: '130534100201', person: '村支书', complexity: 'major' },
    });
    expect(await waitingIds(township)).not.toContain(id);
    const villageAgain = (
      await (
        await callerAt('a_cun0101', new Date('2026-09-30T02:00:00Z'))
      ).cases.list({ awaitingMyUnit: true, pageSize: 100 })
    ).rows.find((row) => row.id === id);
    expect(villageAgain?.clock).toMatchObject({ stage: 'handle', dueOn: '2026-10-30' });
  });
});

describe('unit names in the workflow menus', () => {
  it('names the township and county a village may escalate to', async () => {
    const village = await callerAt('a_cun0101', new Date('2026-09-14T02:00:00Z'));
    const { id } = await village.cases.register({ ...visit, receivedAt: '2026-09-14T09:00:00+08:00', peopleCount: 1 });
    const record = await village.cases.get({ id });
    expect(record.escalateTargets).toEqual([
      { code: TOWNSHIP, level: 'township', name: await unitName(TOWNSHIP) },
      { code: COUNTY, level: 'county', name: await unitName(COUNTY) },
    ]);
    // Names above only: the village still lists no unit but its own.
    expect((await village.units.tree()).map((unit) => unit.code)).toEqual(['130534100201']);
  });
});

describe('supervision notice of a case the county handles itself', () => {
  it('comes from the county supervising office, with 包案领导 and 督办人 as on file', async () => {
    const county = await callerAt('a_staff', new Date('2026-09-01T02:00:00Z'));
    const { id, caseNumber } = await county.cases.register({
      ...visit,
      channel: 'letter',
      receivedAt: '2026-09-01T09:00:00+08:00',
      peopleCount: 1,
    });
    await county.cases.setResponsibility({
      id,
      version: 0,
      flagged: true,
      leadLeader: '刘副县长',
      supervisor: '陈督查',
    });
    // Received Tue Sep 1; decide by Wed Sep 16; on Thu Sep 24: Sep 17, 18, 20 (make-up Sunday), 21–24 → 7 working days overdue.
    const later = await callerAt('a_staff', new Date('2026-09-24T02:00:00Z'));
    const notice = await later.cases.notice({ id });
    expect(notice).toMatchObject({
      caseNumber,
      stage: 'accept',
      dueOn: '2026-09-16',
      daysOverdue: 7,
      supervisingOffice: true,
      supervisingUnit: null,
      leadLeader: '刘副县长',
      supervisor: '陈督查',
      responsibleUnit: await unitName(COUNTY),
    });
    const row = (await later.cases.list({ caseNumber, pageSize: 1 })).rows[0]!;
    expect(row.clock).toMatchObject({ status: 'overdue', daysOverdue: notice.daysOverdue });
  });
});

describe('data step for cases stored before every open state had a clock', () => {
  it('gives an old accepted case its acceptance date and a stored deadline', async () => {
    const village = await callerAt('a_cun0102', new Date('2026-09-14T02:00:00Z'));
    const { id } = await village.cases.register({ ...visit, receivedAt: '2026-09-14T09:00:00+08:00', peopleCount: 1 });
    await (await callerAt('a_cun0102', new Date('2026-09-29T02:00:00Z'))).cases.transition({
      id,
      version: 0,
      action: { type: 'accept' },
    });
    // As it was stored before: no acceptedOn in the state, no clock.
    await database.owner.db.execute(
      sql`update petition_cases set state = state - 'acceptedOn', clock_due_on = null where id = ${id}`,
    );
    const result = await giveOpenCasesAClock(database.owner.db, new Date('2026-09-30T02:00:00Z'));
    expect(result.accepted).toBeGreaterThanOrEqual(1);
    const [row] = await database.owner.db
      .select({ state: schema.petitionCases.state, clockDueOn: schema.petitionCases.clockDueOn })
      .from(schema.petitionCases)
      .where(eq(schema.petitionCases.id, id));
    // Accepted Tue Sep 29: assign within 2 working days → Sep 30, Oct 8.
    expect(row).toMatchObject({ state: { acceptedOn: '2026-09-29' }, clockDueOn: '2026-10-08' });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/* What the case screens need beyond cases.db.test.ts: list filters, 六定/挂牌督办, repeat links and figures. */
let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
const callers = {} as Record<'village' | 'township' | 'county' | 'otherTownship', Caller>;
const now = new Date('2026-09-24T02:00:00Z'); // Thu 10:00 in Shanghai
const intake = {
  receivedAt: '2026-09-24T09:30:00+08:00',
  channel: 'letter' as const,
  peopleCount: 1,
  category: 'other' as const,
  summary: '道路积水',
  petitionerName: '王芳',
};
const callerAt = async (login: string, at: Date) =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.1.1.2', now: at });

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  callers.village = await callerAt('a_cun0101', now);
  callers.township = await callerAt('a_zhen01', now);
  callers.county = await callerAt('a_staff', now);
  callers.otherTownship = await callerAt('a_zhen02', now);
});
afterAll(async () => {
  await database?.drop();
});

describe('list filters', () => {
  it('filters by channel, category, received range, case number, overdue, due soon and flag', async () => {
    const phone = await callers.township.cases.register({
      ...intake,
      channel: 'phone',
      category: 'education',
      receivedAt: '2026-09-02T09:00:00+08:00',
    });
    const letter = await callers.township.cases.register({ ...intake, receivedAt: '2026-09-20T09:00:00+08:00' });
    // Assigned on Sep 1 as a simple matter: due Sep 1, overdue by Sep 24.
    const early = await callerAt('a_zhen01', new Date('2026-09-01T03:00:00Z'));
    const late = await early.cases.register({ ...intake, receivedAt: '2026-09-01T09:00:00+08:00' });
    await early.cases.transition({ id: late.id, version: 0, action: { type: 'accept' } });
    await early.cases.transition({
      id: late.id,
      version: 1,
      action: { type: 'assign', unitCode: '130534100000', person: '赵科长', complexity: 'simple' },
    });
    // A leadership reception day on Sep 18, never assigned: its 2-working-day assignment limit (Sep 22) has passed.
    const reception = await callerAt('a_zhen01', new Date('2026-09-18T03:00:00Z'));
    const unassigned = await reception.cases.register({
      ...intake,
      channel: 'reception_day',
      receivedAt: '2026-09-18T09:00:00+08:00',
    });
    // Assigned today as a general matter: due Oct 8, after 中秋 and 国庆: 4 working days ahead (Sep 28, 29, 30, Oct 8).
    await callers.township.cases.transition({ id: letter.id, version: 0, action: { type: 'accept' } });
    await callers.township.cases.transition({
      id: letter.id,
      version: 1,
      action: { type: 'assign', unitCode: '130534100201', person: '村主任', complexity: 'general' },
    });

    const ids = async (input: Parameters<Caller['cases']['list']>[0]) =>
      (await callers.township.cases.list({ pageSize: 100, ...input })).rows.map((row) => row.id).sort();
    expect(await ids({ channel: 'phone' })).toEqual([phone.id]);
    expect(await ids({ category: 'education' })).toEqual([phone.id]);
    expect(await ids({ receivedFrom: '2026-09-02', receivedTo: '2026-09-20' })).toEqual(
      [phone.id, letter.id, unassigned.id].sort(),
    );
    expect(await ids({ receivedFrom: '2026-09-19', receivedTo: '2026-09-20' })).toEqual([letter.id]);
    expect(await ids({ caseNumber: letter.caseNumber.slice(-6) })).toEqual([letter.id]);
    // The lists agree with the clock badge: overdue on any clock, due soon in working days.
    // The phone case, registered Sep 2 and never decided, missed its acceptance decision (Sep 17).
    expect(await ids({ overdue: true })).toEqual([late.id, unassigned.id, phone.id].sort());
    const listed = (await callers.township.cases.list({ pageSize: 100 })).rows;
    for (const row of listed)
      expect(row.clock.status === 'overdue', row.id).toBe([late.id, unassigned.id, phone.id].includes(row.id));
    expect(listed.find((row) => row.id === phone.id)?.clock).toMatchObject({ stage: 'accept', dueOn: '2026-09-17' });
    expect(await ids({ dueWithinDays: 3 })).toEqual([]);
    expect(await ids({ dueWithinDays: 4 })).toEqual([letter.id]);
    await callers.county.cases.setResponsibility({ id: phone.id, version: 0, flagged: true, leadLeader: '刘副县长' });
    expect(await ids({ flagged: true })).toEqual([phone.id]);
    const paged = await callers.township.cases.list({ page: 2, pageSize: 2 });
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(paged.rows).toHaveLength(2);
  });

  it('refuses a reversed date range and a case-number search with wildcards', async () => {
    await expect(
      callers.county.cases.list({ receivedFrom: '2026-09-10', receivedTo: '2026-09-01' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(callers.county.cases.list({ caseNumber: '%' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('六定 responsibility and flagged supervision', () => {
  it('is set by the handling unit or above, version-checked and audited; a sibling never sees it', async () => {
    const { id, caseNumber } = await callers.village.cases.register(intake);
    const saved = await callers.township.cases.setResponsibility({
      id,
      version: 0,
      leadLeader: '张镇长',
      responsibleUnit: '城关镇综治中心',
      responsiblePerson: '李干事',
      supervisingUnit: '县信访局',
      supervisor: '王科长',
      deadline: '2026-10-15',
      flagged: true,
    });
    expect(saved.version).toBe(1);
    const detail = await callers.village.cases.get({ id });
    expect(detail).toMatchObject({
      leadLeader: '张镇长',
      responsiblePerson: '李干事',
      supervisingUnit: '县信访局',
      responsibilityDeadline: '2026-10-15',
      flagged: true,
      version: 1,
      canSetResponsibility: true,
    });
    await expect(callers.village.cases.setResponsibility({ id, version: 0, flagged: false })).rejects.toMatchObject({
      messageKey: 'error.case.stale',
    });
    await expect(
      callers.otherTownship.cases.setResponsibility({ id, version: 1, flagged: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await database.owner.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'cases.setResponsibility'));
    expect(audit.find((row) => row.objectId === caseNumber)).toMatchObject({
      actorLogin: 'a_zhen01',
      result: 'ok',
      detail: { before: { flagged: false }, after: { flagged: true, leadLeader: '张镇长' } },
    });
    // The workflow may move on: a transition still sees the bumped version.
    await callers.village.cases.transition({ id, version: 1, action: { type: 'accept' } });
  });

  it('is refused to a village once its case was escalated away, and on an archived or refused case', async () => {
    const { id } = await callers.village.cases.register(intake);
    await callers.village.cases.transition({
      id,
      version: 0,
      action: { type: 'escalate', toUnitCode: '130534100000', toLevel: 'township', reason: '涉及多村' },
    });
    expect((await callers.village.cases.get({ id })).canSetResponsibility).toBe(false);
    await expect(callers.village.cases.setResponsibility({ id, version: 1, flagged: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await callers.township.cases.transition({ id, version: 1, action: { type: 'refuse', reason: '不属于信访事项' } });
    await expect(callers.county.cases.setResponsibility({ id, version: 2, flagged: true })).rejects.toMatchObject({
      messageKey: 'cases.error.closedResponsibility',
    });
  });
});

describe('supervision notice', () => {
  it('gives the notice facts for an overdue case and refuses, in Chinese, one that is not overdue', async () => {
    const early = await callerAt('a_zhen01', new Date('2026-09-01T03:00:00Z'));
    const { id, caseNumber } = await early.cases.register({ ...intake, receivedAt: '2026-09-01T09:00:00+08:00' });
    await early.cases.transition({ id, version: 0, action: { type: 'accept' } });
    await early.cases.transition({
      id,
      version: 1,
      action: { type: 'assign', unitCode: '130534100000', person: '赵科长', complexity: 'simple' },
    });
    const notice = await callers.county.cases.notice({ id });
    // Sep 25–27 and Oct 1–7 are off: five working days after Sep 24 is Oct 9. Overdue in working
    // days, as the list's clock says: Sep 2–4, 7–11, 14–18, Sun 20 (make-up), 21–24 = 18.
    expect(notice).toMatchObject({
      caseNumber,
      dueOn: '2026-09-01',
      stage: 'handle',
      daysOverdue: 18,
      issuedOn: '2026-09-24',
      replyBy: '2026-10-09',
      responsiblePerson: '赵科长',
      noticeNumber: `督〔2026〕${caseNumber.slice(-6)}-0924号`,
      countyName: '甲县',
      supervisingOffice: false,
    });
    const listed = (await callers.county.cases.list({ caseNumber, pageSize: 1 })).rows[0]!;
    expect(listed.clock.daysOverdue).toBe(notice.daysOverdue);
    // The township handles it itself: the county (the unit above) supervises, by name.
    const [countyUnit] = await database.owner.db
      .select({ name: schema.units.name })
      .from(schema.units)
      .where(eq(schema.units.code, '130534000000'));
    expect(notice.supervisingUnit).toBe(countyUnit!.name);
    const fresh = await callers.township.cases.register(intake);
    await expect(callers.county.cases.notice({ id: fresh.id })).rejects.toMatchObject({
      messageKey: 'cases.error.notOverdue',
    });
  });

  it('prints every overdue case in scope as one batch, most overdue first, and none of a sibling township', async () => {
    const overdueIds = (await callers.township.cases.list({ overdue: true, pageSize: 100 })).rows.map((row) => row.id);
    expect(overdueIds.length).toBeGreaterThanOrEqual(2);
    const batch = await callers.township.cases.overdueNotices();
    expect(batch.more).toBe(false);
    expect(batch.notices.map((notice) => notice.caseId).sort()).toEqual([...overdueIds].sort());
    const due = batch.notices.map((notice) => notice.dueOn);
    expect(due).toEqual([...due].sort());
    expect(
      batch.notices.every(
        (notice) => notice.daysOverdue > 0 && notice.supervisingUnit !== null && !notice.supervisingOffice,
      ),
    ).toBe(true);
    expect((await callers.otherTownship.cases.overdueNotices()).notices).toEqual([]);
    await expect(callers.otherTownship.cases.overdueNotices({ unitCode: '130534100000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('repeat petitions', () => {
  it('links a repeat to the earlier case by number, marks it repeat, and counts one unique case', async () => {
    const first = await callers.otherTownship.cases.register({ ...intake, receivedAt: '2026-08-03T09:00:00+08:00' });
    const again = await callers.otherTownship.cases.register({
      ...intake,
      receivedAt: '2026-08-10T09:00:00+08:00',
      duplicateOfCaseNumber: first.caseNumber,
    });
    const detail = await callers.otherTownship.cases.get({ id: again.id });
    expect(detail).toMatchObject({ duplicateOf: first.id, repeatPetition: true, revisitRequired: true });
    const { figures } = await callers.otherTownship.cases.figures({
      unitCode: '130534101000',
      from: '2026-08-01',
      to: '2026-08-31',
    });
    expect(figures).toMatchObject({ received: 2, letters: 2, uniqueCases: 1 });
    // A number outside the actor's scope is as good as unknown.
    await expect(
      callers.village.cases.register({ ...intake, duplicateOfCaseNumber: first.caseNumber }),
    ).rejects.toMatchObject({ messageKey: 'cases.error.duplicateNotFound' });
  });
});

describe('figures', () => {
  /**
   * The county half-year report of docs/domain.md §3, stored as case rows across county A's
   * villages: 60 letters + 102 visits are first items (162 unique), 30 letters and 95 visits
   * repeat them (287 items, 90 letters, 197 visits); visits by 4 people ×162 + 3 ×35 = 753
   * person-times; 115 matters replied within the half year (100 on time), one more after it.
   */
  it('reproduces 287 items, 162 unique, 115 closed, closure rate 71% through cases.figures', async () => {
    const villages = ['130534100201', '130534100202', '130534101201', '130534101202'];
    const user = await actorByLogin(database.owner.db, 'a_staff');
    const day = (i: number) => `2026-${String(1 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const rows: Array<typeof schema.petitionCases.$inferInsert> = [];
    const row = (
      i: number,
      values: Partial<typeof schema.petitionCases.$inferInsert>,
    ): typeof schema.petitionCases.$inferInsert => {
      const unitCode = villages[i % villages.length]!;
      return {
        countyId: 1,
        id: crypto.randomUUID(),
        caseNumber: `130534-2026-${String(900000 + i).padStart(6, '0')}`,
        unitCode,
        registeredUnitCode: unitCode,
        receivedAt: new Date(`${day(i)}T09:00:00+08:00`),
        channel: 'letter',
        category: 'other',
        summary: '半年报',
        status: 'registered',
        state: {},
        petitionerName: '某某',
        createdBy: user.userId,
        ...values,
      };
    };
    const roots: string[] = [];
    let visitCount = 0;
    const personTimes = () => (visitCount++ < 162 ? 4 : 3);
    for (let i = 0; i < 162; i++) {
      const closed = i < 115;
      const r = row(i, {
        channel: i < 60 ? 'letter' : 'visit',
        status: closed ? 'replied' : i === 115 ? 'replied' : 'in_progress',
        closedAt: closed
          ? new Date('2026-06-30T10:00:00+08:00')
          : i === 115
            ? new Date('2026-07-05T10:00:00+08:00')
            : null,
        dueOn: closed ? (i < 100 ? '2026-06-30' : '2026-06-29') : '2026-07-01',
        satisfaction: i < 60 ? 'satisfied' : i < 75 ? 'basically' : i < 80 ? 'not' : null,
      });
      roots.push(r.id!);
      rows.push(r);
    }
    for (let i = 0; i < 30; i++)
      rows.push(row(200 + i, { channel: 'letter', duplicateOf: roots[i % 60]!, repeatPetition: true }));
    for (let i = 0; i < 95; i++)
      rows.push(row(300 + i, { channel: 'visit', duplicateOf: roots[60 + (i % 102)]!, repeatPetition: true }));
    for (const r of rows) if (r.channel === 'visit') r.personTimes = personTimes();
    // Outside the half year (23:00 Dec 31 and 00:00 Jul 1 in Shanghai), and one in county B.
    rows.push(row(500, { receivedAt: new Date('2025-12-31T23:00:00+08:00'), channel: 'visit', personTimes: 9 }));
    rows.push(row(501, { receivedAt: new Date('2026-07-01T00:00:00+08:00') }));
    await database.owner.db.insert(schema.petitionCases).values(rows);
    const other = await actorByLogin(database.owner.db, 'b_staff');
    await database.owner.db.insert(schema.petitionCases).values({
      ...row(502, { channel: 'visit' }),
      countyId: 2,
      unitCode: '130535100201',
      registeredUnitCode: '130535100201',
      createdBy: other.userId,
    });

    const { figures, unit } = await callers.county.cases.figures({
      unitCode: '130534000000',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(unit.code).toBe('130534000000');
    expect(figures).toMatchObject({
      received: 287,
      letters: 90,
      visits: 197,
      visitPersonTimes: 753,
      uniqueCases: 162,
      closed: 115,
    });
    expect(figures.closureRate).toEqual({ numerator: 115, denominator: 162, percent: 71, display: '71%' });
    expect(figures.onTimeRate.display).toBe('87%');
    expect(figures.satisfactionRate.display).toBe('94%');

    // One township's share is a part of the whole, and a village cannot ask for the county.
    const township = await callers.township.cases.figures({
      unitCode: '130534100000',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(township.figures.received).toBeLessThan(287);
    expect(township.figures.received).toBeGreaterThan(0);
    await expect(
      callers.village.cases.figures({ unitCode: '130534000000', from: '2026-01-01', to: '2026-06-30' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      callers.county.cases.figures({ unitCode: '130534000000', from: '2026-06-30', to: '2026-01-01' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaCalendar2026 } from '@tally/casework';
import { schema, withActor } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
// Thursday 2026-03-05, 10:00 in Shanghai.
const now = new Date('2026-03-05T02:00:00Z');
const make = async (login: string): Promise<Caller> =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.2.2.2', now });

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
});
afterAll(async () => {
  await database?.drop();
});

/** The database's own message: drizzle wraps it as the cause of "Failed query". */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'not refused';
  } catch (error) {
    return String((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
  }
}

const calendarRows = () =>
  database.owner.db
    .select()
    .from(schema.workCalendars)
    .orderBy(schema.workCalendars.countyId, schema.workCalendars.year);
const saveAudits = () =>
  database.owner.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'calendar.save'));

describe('calendar.get', () => {
  it('shows the built-in national arrangement until the county saves its own, and nothing built in for other years', async () => {
    const staff = await make('a_cun0101');
    const y2026 = await staff.calendar.get({ year: 2026 });
    expect(y2026).toMatchObject({
      source: 'default',
      canEdit: false,
      holidays: chinaCalendar2026().holidays.slice().sort(),
      makeupWorkdays: chinaCalendar2026().makeupWorkdays,
    });
    expect(await staff.calendar.get({ year: 2027 })).toMatchObject({
      source: 'none',
      holidays: [],
      makeupWorkdays: [],
      updatedAt: null,
    });
    expect((await (await make('a_admin')).calendar.get({ year: 2026 })).canEdit).toBe(true);
  });

  it('is not open to the security admin or the auditor', async () => {
    await expect((await make('a_secadmin')).calendar.get({ year: 2026 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await make('a_auditor')).calendar.get({ year: 2026 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('calendar.save', () => {
  it('stores the year sorted and merged, with exactly one audit row holding before and after', async () => {
    const admin = await make('a_admin');
    const saved = await admin.calendar.save({
      year: 2027,
      holidays: ['2027-10-02', '2027/10/1', '2027-10-02'],
      makeupWorkdays: ['2027-09-26'],
    });
    expect(saved).toEqual({
      year: 2027,
      holidays: ['2027-10-01', '2027-10-02'],
      makeupWorkdays: ['2027-09-26'],
      movedCases: 0,
    });
    expect(await admin.calendar.get({ year: 2027 })).toMatchObject({
      source: 'county',
      holidays: ['2027-10-01', '2027-10-02'],
      updatedAt: now,
    });
    await admin.calendar.save({ year: 2027, holidays: ['2027-10-01'], makeupWorkdays: [] });
    const audits = await saveAudits();
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({
      actorLogin: 'a_admin',
      result: 'ok',
      objectId: '2027',
      ip: '10.2.2.2',
      detail: {
        before: { holidays: ['2027-10-01', '2027-10-02'], makeupWorkdays: ['2027-09-26'] },
        after: { holidays: ['2027-10-01'], makeupWorkdays: [] },
      },
    });
  });

  it('refuses a bad date, a date outside the year and a date in both lists, in Chinese, writing nothing', async () => {
    const admin = await make('a_admin');
    const before = await calendarRows();
    const auditsBefore = (await saveAudits()).length;
    await expect(
      admin.calendar.save({
        year: 2028,
        holidays: ['2028-02-30', '2027-12-31', '2028-05-06'],
        makeupWorkdays: ['2028-05-06'],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'error.domain',
      params: {
        zh: '节假日中的“2028-02-30”不是有效日期（应写作 2028-10-01）；节假日中的 2027-12-31 不在 2028 年内；2028-05-06 不能同时是节假日和调休上班日',
      },
    });
    expect(await calendarRows()).toEqual(before);
    expect(await saveAudits()).toHaveLength(auditsBefore);
  });

  it('refuses every role but the county admin, audits the refusal, and writes nothing', async () => {
    const before = await calendarRows();
    for (const login of ['a_staff', 'a_zhen01', 'a_cun0101', 'a_secadmin', 'a_auditor']) {
      await expect(
        (await make(login)).calendar.save({ year: 2026, holidays: ['2026-03-06'], makeupWorkdays: [] }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await calendarRows()).toEqual(before);
    const denials = await database.owner.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'calendar.save'), eq(schema.auditLog.result, 'denied')));
    expect(denials).toHaveLength(5);
  });

  it("keeps each county's calendar to itself", async () => {
    const adminB = await make('b_admin');
    await adminB.calendar.save({ year: 2027, holidays: ['2027-03-03'], makeupWorkdays: [] });
    expect((await (await make('a_staff')).calendar.get({ year: 2027 })).holidays).toEqual(['2027-10-01']);
    expect((await adminB.calendar.get({ year: 2027 })).holidays).toEqual(['2027-03-03']);
    const rows = await calendarRows();
    expect(rows.map((row) => [row.countyId, row.year])).toEqual([
      [1, 2027],
      [2, 2027],
    ]);
  });

  it('is refused by the database too when a non-admin writes around the API', async () => {
    const staff = await actorByLogin(database.owner.db, 'a_staff');
    const write = withActor(database.app.db, staff, (tx) =>
      tx.insert(schema.workCalendars).values({ countyId: 1, year: 2030, holidays: [], makeupWorkdays: [] }),
    );
    expect(await refusal(write)).toMatch(/row-level security/);
    const admin = await actorByLogin(database.owner.db, 'a_admin');
    // Even the admin cannot write another county's row.
    const cross = withActor(database.app.db, admin, (tx) =>
      tx.insert(schema.workCalendars).values({ countyId: 2, year: 2030, holidays: [], makeupWorkdays: [] }),
    );
    expect(await refusal(cross)).toMatch(/row-level security/);
    const rows = (await database.owner.db.execute(
      sql`select count(*)::int as n from work_calendars where year = 2030`,
    )) as unknown as Array<{ n: number }>;
    expect(rows[0]?.n).toBe(0);
  });
});

describe('effect on a computed deadline', () => {
  const intake = {
    receivedAt: '2026-03-05T09:30:00+08:00',
    channel: 'visit' as const,
    peopleCount: 1,
    category: 'other' as const,
    summary: '日历测试',
    petitionerName: '周七',
  };
  const assignGeneral = async (clerk: Caller) => {
    const { id } = await clerk.cases.register(intake);
    await clerk.cases.transition({ id, version: 0, action: { type: 'accept' } });
    await clerk.cases.transition({
      id,
      version: 1,
      action: { type: 'assign', unitCode: '130534100201', person: '王主任', complexity: 'general' },
    });
    return (await clerk.cases.get({ id })).dueOn;
  };

  it('moves a general 7-day limit when the county adds local holidays over its last day', async () => {
    const clerk = await make('a_cun0101');
    // Assigned Thursday Mar 5: 7 calendar days end Thursday Mar 12, a working day.
    expect(await assignGeneral(clerk)).toBe('2026-03-12');
    const national = chinaCalendar2026();
    await (await make('a_admin')).calendar.save({
      year: 2026,
      holidays: [...national.holidays, '2026-03-12', '2026-03-13'],
      makeupWorkdays: national.makeupWorkdays,
    });
    // Mar 12–13 are now days off: the limit runs to Monday Mar 16.
    expect(await assignGeneral(clerk)).toBe('2026-03-16');
  });

  it('moves the stored assignment limit of an unassigned reception-day case, so the overdue list follows', async () => {
    const clerk = await make('a_cun0101');
    const admin = await make('a_admin');
    const national = chinaCalendar2026();
    // Received on a leadership reception day, Thursday Mar 5: assign within 2 working days, by Monday Mar 9.
    const { id } = await clerk.cases.register({ ...intake, channel: 'reception_day', summary: '接访日待交办' });
    const stored = async () =>
      String(
        (await database.owner.db.execute(sql`select clock_due_on from petition_cases where id = ${id}`))[0]!
          .clock_due_on,
      ).slice(0, 10);
    await admin.calendar.save({ year: 2026, holidays: national.holidays, makeupWorkdays: national.makeupWorkdays });
    expect(await stored()).toBe('2026-03-09');
    const result = await admin.calendar.save({
      year: 2026,
      holidays: [...national.holidays, '2026-03-06', '2026-03-09'],
      makeupWorkdays: national.makeupWorkdays,
    });
    // Mar 6 and 9 are days off now: the 2nd working day after Mar 5 is Wednesday Mar 11.
    expect(await stored()).toBe('2026-03-11');
    expect(result.movedCases).toBeGreaterThanOrEqual(1);
    expect((await clerk.cases.get({ id })).clock.dueOn).toBe('2026-03-11');
  });
});

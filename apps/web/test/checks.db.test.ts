import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
// Wednesday 2026-06-10, 10:00 in Shanghai.
const now = new Date('2026-06-10T02:00:00Z');
const make = async (login: string, at: Date = now): Promise<Caller> =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.4.4.4', now: at });

const COUNTY = '130534000000';
const T1 = '130534100000'; // a_zhen01
const T2 = '130534101000'; // a_zhen02
const V1 = '130534100201'; // a_cun0101, under T1
const V2 = '130534100202'; // a_cun0102, under T1
const T2_V1 = '130534101201'; // under T2
const B_T1 = '130535100000'; // county B

const routine = (unitCode: string, periodNo: number) => ({
  unitCode,
  year: 2026,
  component: 'routine' as const,
  periodNo,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
});
afterAll(async () => {
  await database?.drop();
});

const scoreRows = async () =>
  Number((await ownerRows(database, 'select count(*)::int as n from inspection_scores'))[0]!.n);
const eventRows = async () =>
  Number((await ownerRows(database, 'select count(*)::int as n from checking_events'))[0]!.n);

describe('checks.enterInspection', () => {
  it('enters a first score as version 1, shows it in the grid and audits it', async () => {
    const township = await make('a_zhen01');
    const saved = await township.checks.enterInspection({ ...routine(V1, 3), score: '88.5', expectedVersion: 0 });
    expect(saved).toMatchObject({ unitCode: V1, score: '88.50', version: 1 });

    const grid = await township.checks.inspectionGrid({ year: 2026, component: 'routine' });
    expect(grid.editable).toBe(true);
    expect(grid.periods).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(grid.rows.map((row) => row.unitCode)).toEqual([V1, V2]);
    expect(grid.rows[0]!.cells[2]).toEqual({ periodNo: 3, score: '88.50', version: 1, open: true });
    expect(grid.rows[0]!.cells[3]).toEqual({ periodNo: 4, score: null, version: 0, open: true });
    // On June 10, July has not begun: the form offers no field for it.
    expect(grid.rows[0]!.cells[6]).toEqual({ periodNo: 7, score: null, version: 0, open: false });

    const audit = await ownerRows(
      database,
      `select actor_login, object_type, detail from audit_log where action = 'checks.enterInspection' and object_id = $1`,
      `${V1}:2026:routine:3`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_login: 'a_zhen01',
      object_type: 'inspection_score',
      detail: { score: '88.50', version: 1, previousScore: null },
    });
  });

  it('corrects a score as the next version with a reason; a stale form is refused and changes nothing', async () => {
    const township = await make('a_zhen01');
    await township.checks.enterInspection({ ...routine(V2, 2), score: 70, expectedVersion: 0 });
    await expect(
      township.checks.enterInspection({ ...routine(V2, 2), score: 75, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', messageKey: 'checks.error.reasonRequired' });
    await expect(
      township.checks.enterInspection({ ...routine(V2, 2), score: '70.00', reason: '复核', expectedVersion: 1 }),
    ).rejects.toMatchObject({ messageKey: 'checks.error.unchanged' });
    const corrected = await township.checks.enterInspection({
      ...routine(V2, 2),
      score: 75,
      reason: '复核台账后加分',
      expectedVersion: 1,
    });
    expect(corrected).toMatchObject({ score: '75.00', version: 2 });

    // A second clerk still holding the version-1 form.
    const before = await scoreRows();
    await expect(
      township.checks.enterInspection({ ...routine(V2, 2), score: 80, reason: '另一位录入', expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'checks.error.stale', params: { current: 2 } });
    expect(await scoreRows()).toBe(before);

    const history = await township.checks.inspectionHistory(routine(V2, 2));
    expect(history.current).toMatchObject({ version: 2, score: '75.00', reason: '复核台账后加分' });
    expect(history.versions.map((row) => [row.version, row.score, row.reason, row.enteredByUnit])).toEqual([
      [2, '75.00', '复核台账后加分', T1],
      [1, '70.00', null, T1],
    ]);
    expect(history.versions[0]!.createdByName).not.toBe('');
    expect(history.canEnter).toBe(true);
  });

  it("refuses scoring one's own unit, a unit two levels down, a sibling's and another county's unit, and a village clerk", async () => {
    const before = await scoreRows();
    const entry = (unitCode: string) => ({ ...routine(unitCode, 1), score: 90, expectedVersion: 0 });
    await expect((await make('a_zhen01')).checks.enterInspection(entry(T1))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'checks.error.ownUnit',
    });
    await expect((await make('a_admin')).checks.enterInspection(entry(COUNTY))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'checks.error.ownUnit',
    });
    // The county checks townships; a village is its township's to score.
    await expect((await make('a_staff')).checks.enterInspection(entry(V1))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'checks.error.notDirectlyBelow',
    });
    await expect((await make('a_zhen01')).checks.enterInspection(entry(T2_V1))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect((await make('a_zhen01')).checks.enterInspection(entry(T2))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect((await make('a_admin')).checks.enterInspection(entry(B_T1))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect((await make('a_cun0101')).checks.enterInspection(entry(V1))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'error.forbidden',
    });
    expect(await scoreRows()).toBe(before);
  });

  it('refuses scores outside 0–100 or with three decimals, month 13, a second half-year period and periods not yet begun', async () => {
    const township = await make('a_zhen01');
    const before = await scoreRows();
    for (const score of [-1, 100.5, '100.01', '87.123', 87.125, 'abc', '', '1e2']) {
      await expect(
        township.checks.enterInspection({ ...routine(V1, 1), score, expectedVersion: 0 }),
        String(score),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', messageKey: 'checks.error.score' });
    }
    await expect(
      township.checks.enterInspection({ ...routine(V1, 13), score: 80, expectedVersion: 0 }),
    ).rejects.toMatchObject({ messageKey: 'checks.error.period' });
    await expect(
      township.checks.enterInspection({ ...routine(V1, 0), score: 80, expectedVersion: 0 }),
    ).rejects.toMatchObject({ messageKey: 'checks.error.period' });
    await expect(
      township.checks.enterInspection({
        unitCode: V1,
        year: 2026,
        component: 'half-year',
        periodNo: 2,
        score: 80,
        expectedVersion: 0,
      }),
    ).rejects.toMatchObject({ messageKey: 'checks.error.period' });
    // On June 10 July has not begun, nor has 2027.
    await expect(
      township.checks.enterInspection({ ...routine(V1, 7), score: 80, expectedVersion: 0 }),
    ).rejects.toMatchObject({ messageKey: 'checks.error.monthNotStarted', params: { year: 2026, month: 7 } });
    await expect(
      township.checks.enterInspection({
        unitCode: V1,
        year: 2027,
        component: 'year-end',
        periodNo: 1,
        score: 80,
        expectedVersion: 0,
      }),
    ).rejects.toMatchObject({ messageKey: 'checks.error.yearNotStarted' });
    expect(await scoreRows()).toBe(before);

    // The bounds themselves are scores; full-width digits are read as digits.
    expect((await township.checks.enterInspection({ ...routine(V1, 4), score: '100', expectedVersion: 0 })).score).toBe(
      '100.00',
    );
    expect((await township.checks.enterInspection({ ...routine(V1, 5), score: 0, expectedVersion: 0 })).score).toBe(
      '0.00',
    );
    expect(
      (await township.checks.enterInspection({ ...routine(V1, 6), score: '８７．３５', expectedVersion: 0 })).score,
    ).toBe('87.35');
  });

  it('lets the county score its townships, and shows each unit its own scores read-only', async () => {
    const county = await make('a_staff');
    await county.checks.enterInspection({
      unitCode: T1,
      year: 2026,
      component: 'half-year',
      periodNo: 1,
      score: '91.25',
      expectedVersion: 0,
    });

    const countyGrid = await county.checks.inspectionGrid({ year: 2026, component: 'half-year' });
    expect(countyGrid.periods).toEqual([1]);
    expect(countyGrid.editable).toBe(true);
    expect(countyGrid.own).toBeNull();
    expect(countyGrid.rows.map((row) => [row.unitCode, row.cells[0]!.score])).toEqual([
      [T1, '91.25'],
      [T2, null],
    ]);

    // The county reads a township's villages, but their scores are the township's to enter.
    const drill = await county.checks.inspectionGrid({ year: 2026, component: 'routine', parentCode: T1 });
    expect(drill.editable).toBe(false);
    expect(drill.rows[0]).toMatchObject({ unitCode: V1 });
    expect(drill.rows[0]!.cells[2]!.score).toBe('88.50');

    const townshipGrid = await (await make('a_zhen01')).checks.inspectionGrid({ year: 2026, component: 'half-year' });
    expect(townshipGrid.own).toEqual({
      unitCode: T1,
      name: expect.any(String),
      cells: [{ periodNo: 1, score: '91.25', version: 1, open: true }],
    });
    const townshipHistory = await (await make('a_zhen01')).checks.inspectionHistory({
      unitCode: T1,
      year: 2026,
      component: 'half-year',
      periodNo: 1,
    });
    expect(townshipHistory.canEnter).toBe(false);
    expect(townshipHistory.versions).toHaveLength(1);

    const village = await make('a_cun0101');
    const villageGrid = await village.checks.inspectionGrid({ year: 2026, component: 'routine' });
    expect(villageGrid.rows).toEqual([]);
    expect(villageGrid.editable).toBe(false);
    expect(villageGrid.own!.cells[2]).toEqual({ periodNo: 3, score: '88.50', version: 1, open: true });
    // Not its sibling's, nor its township's.
    await expect(village.checks.inspectionHistory(routine(V2, 2))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      village.checks.inspectionGrid({ year: 2026, component: 'routine', parentCode: T1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Another county sees nothing of A.
    await expect(
      (await make('b_admin')).checks.inspectionGrid({ year: 2026, component: 'routine', parentCode: T1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('checking events', () => {
  const event = (over: Record<string, unknown> = {}) => ({
    unitCode: V1,
    kind: 'night-duty-off-post' as const,
    level: 'criticism',
    occurredOn: '2026-05-20',
    description: '夜间抽查，值班人员不在岗',
    attachmentRef: '某政法〔2026〕3号',
    ...over,
  });

  it('requires a level where the kind has levels and refuses one where it has none, naming them in both languages', async () => {
    const township = await make('a_zhen01');
    const before = await eventRows();
    const missing = township.checks.recordEvent(event({ level: null }));
    await expect(missing).rejects.toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.domain' });
    const params = await missing.then(
      () => ({ zh: '', en: '' }),
      (error: { params: Record<string, string> }) => error.params,
    );
    expect(params.zh).toContain('夜查脱岗');
    expect(params.zh).toContain('通报批评、黄牌警告');
    expect(params.en).toContain('Yellow card');
    await expect(
      township.checks.recordEvent(event({ kind: 'commendation', level: 'yellow-card' })),
    ).rejects.toMatchObject({ messageKey: 'error.domain' });
    await expect(
      township.checks.recordEvent(event({ kind: 'preventable-case', level: 'county' })),
    ).rejects.toMatchObject({
      messageKey: 'error.domain',
      params: { zh: expect.stringContaining('可防性案件') },
    });
    expect(await eventRows()).toBe(before);

    await township.checks.recordEvent(event());
    await township.checks.recordEvent(
      event({ kind: 'commendation', level: 'province', description: '综治工作受省级表彰' }),
    );
    await township.checks.recordEvent(event({ kind: 'mass-incident', level: '', description: '聚集上访事件' }));
    expect(await eventRows()).toBe(before + 3);
  });

  it('refuses a future date in Shanghai time, personal data and over-long text', async () => {
    const township = await make('a_zhen01');
    const before = await eventRows();
    await expect(township.checks.recordEvent(event({ occurredOn: '2026-06-11' }))).rejects.toMatchObject({
      messageKey: 'checks.error.dateFuture',
      params: { today: '2026-06-10' },
    });
    await expect(township.checks.recordEvent(event({ occurredOn: '2026-02-30' }))).rejects.toMatchObject({
      messageKey: 'checks.error.date',
    });
    await expect(township.checks.recordEvent(event({ description: '  ' }))).rejects.toMatchObject({
      messageKey: 'checks.error.descriptionRequired',
    });
    await expect(township.checks.recordEvent(event({ description: '值'.repeat(501) }))).rejects.toMatchObject({
      messageKey: 'checks.error.descriptionTooLong',
      params: { max: 500 },
    });
    await expect(
      township.checks.recordEvent(event({ description: '当事人身份证号110101199003071234' })),
    ).rejects.toMatchObject({ messageKey: 'checks.error.personalData' });
    await expect(township.checks.recordEvent(event({ description: '联系电话13812345678' }))).rejects.toMatchObject({
      messageKey: 'checks.error.personalData',
    });
    expect(await eventRows()).toBe(before);

    // 01:00 on June 11 in Shanghai is still June 10 in UTC: June 11 has happened.
    const earlyMorning = await make('a_zhen01', new Date('2026-06-10T17:00:00Z'));
    await earlyMorning.checks.recordEvent(event({ occurredOn: '2026-06-11', unitCode: V2 }));
    expect(await eventRows()).toBe(before + 1);
  });

  it("refuses events about one's own unit and units not directly below", async () => {
    await expect((await make('a_zhen01')).checks.recordEvent(event({ unitCode: T1 }))).rejects.toMatchObject({
      messageKey: 'checks.error.ownUnit',
    });
    await expect((await make('a_admin')).checks.recordEvent(event({ unitCode: V1 }))).rejects.toMatchObject({
      messageKey: 'checks.error.notDirectlyBelow',
    });
    await expect((await make('a_zhen02')).checks.recordEvent(event({ unitCode: V1 }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect((await make('a_cun0101')).checks.recordEvent(event({ unitCode: V1 }))).rejects.toMatchObject({
      messageKey: 'error.forbidden',
    });
  });

  it('lists events in scope: the checking unit may withdraw, the unit itself only reads', async () => {
    const county = await make('a_admin');
    await county.checks.recordEvent(
      event({
        unitCode: T2,
        kind: 'major-accident',
        level: null,
        description: '辖区内发生较大道路交通事故',
        occurredOn: '2026-04-02',
      }),
    );

    const countyList = await county.checks.listEvents({ year: 2026 });
    expect(countyList.rows.map((row) => row.unitCode).sort()).toEqual([T2, V1, V1, V1, V2].sort());
    expect(countyList.rows.find((row) => row.unitCode === T2)).toMatchObject({ veto: true, canWithdraw: true });
    expect(countyList.rows.filter((row) => row.unitCode === V1).every((row) => !row.canWithdraw)).toBe(true);
    expect((await county.checks.listEvents({ year: 2025 })).rows).toEqual([]);
    expect((await county.checks.listEvents({ year: 2026, unitCode: T2 })).rows).toHaveLength(1);

    const township = await make('a_zhen01');
    const townshipList = await township.checks.listEvents({ year: 2026 });
    expect(townshipList.rows.map((row) => row.unitCode).sort()).toEqual([V1, V1, V1, V2]);
    expect(townshipList.rows.every((row) => row.canWithdraw)).toBe(true);

    const village = await make('a_cun0101');
    const villageList = await village.checks.listEvents({ year: 2026 });
    expect(villageList.rows.map((row) => row.unitCode)).toEqual([V1, V1, V1]);
    expect(villageList.rows.every((row) => !row.canWithdraw)).toBe(true);
    await expect(village.checks.listEvents({ year: 2026, unitCode: V2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await (await make('b_admin')).checks.listEvents({ year: 2026 })).rows).toEqual([]);
  });

  it('withdraws an event with a reason against the version seen: hidden from the list, kept and audited', async () => {
    const township = await make('a_zhen01');
    const recorded = await township.checks.recordEvent(
      event({
        unitCode: V2,
        kind: 'preventable-case',
        level: null,
        description: '可防性盗窃案件',
        occurredOn: '2026-03-03',
      }),
    );
    const listed = async () =>
      (await township.checks.listEvents({ year: 2026 })).rows.some((row) => row.id === recorded.id);
    expect(await listed()).toBe(true);

    await expect(
      township.checks.withdrawEvent({ id: recorded.id, reason: ' ', expectedVersion: 0 }),
    ).rejects.toMatchObject({ messageKey: 'checks.error.withdrawReason' });
    await expect(
      township.checks.withdrawEvent({ id: recorded.id, reason: '误登', expectedVersion: 5 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'checks.error.eventStale' });
    // Neither the unit it counts against nor the county (not its checking unit) withdraws it.
    await expect(
      (await make('a_cun0102')).checks.withdrawEvent({ id: recorded.id, reason: '误登', expectedVersion: 0 }),
    ).rejects.toMatchObject({ messageKey: 'error.forbidden' });
    await expect(
      (await make('a_admin')).checks.withdrawEvent({ id: recorded.id, reason: '误登', expectedVersion: 0 }),
    ).rejects.toMatchObject({ messageKey: 'checks.error.notDirectlyBelow' });
    await expect(
      (await make('a_zhen02')).checks.withdrawEvent({ id: recorded.id, reason: '误登', expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listed()).toBe(true);

    expect(
      await township.checks.withdrawEvent({ id: recorded.id, reason: '误登，实为外县案件', expectedVersion: 0 }),
    ).toEqual({ id: recorded.id, version: 1 });
    expect(await listed()).toBe(false);
    const [stored] = await ownerRows(
      database,
      'select deleted_at, deleted_reason, version from checking_events where id = $1',
      recorded.id,
    );
    expect(stored).toMatchObject({ deleted_reason: '误登，实为外县案件', version: 1 });
    expect(stored!.deleted_at).not.toBeNull();
    const audit = await ownerRows(
      database,
      `select actor_login, detail from audit_log where action = 'checks.withdrawEvent' and object_id = $1`,
      recorded.id,
    );
    expect(audit).toEqual([
      {
        actor_login: 'a_zhen01',
        detail: expect.objectContaining({ reason: '误登，实为外县案件', unitCode: V2, kind: 'preventable-case' }),
      },
    ]);

    await expect(
      township.checks.withdrawEvent({ id: recorded.id, reason: '再次撤销', expectedVersion: 1 }),
    ).rejects.toMatchObject({ messageKey: 'checks.error.alreadyWithdrawn' });
  });

  it('tells a township why it cannot withdraw an event the county recorded about it (RLS lets it read the row, not update it)', async () => {
    const aboutTownship = await (await make('a_admin')).checks.recordEvent(
      event({ unitCode: T1, kind: 'night-duty-off-post', level: 'yellow-card', description: '夜查乡镇值班室无人' }),
    );
    await expect(
      (await make('a_zhen01')).checks.withdrawEvent({ id: aboutTownship.id, reason: '不认可', expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', messageKey: 'checks.error.ownUnit' });
    expect(
      (await ownerRows(database, 'select deleted_at from checking_events where id = $1', aboutTownship.id))[0]!
        .deleted_at,
    ).toBeNull();
  });
});

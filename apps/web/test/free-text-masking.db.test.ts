import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * §8 for prose: summaries, facts and agreed terms name the parties in words no mask can
 * find, so above the handling unit they are withheld whole, on every read path (list, get,
 * export, the agreement page, search), until an audited reveal.
 */
let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
const callers = {} as Record<'village' | 'township' | 'county', Caller>;
const now = new Date('2026-06-10T02:00:00Z');
const callerAt = async (login: string, at: Date) =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.4.4.4', now: at });

/** The parties' given names: a masked party list keeps only the surnames, so these appear nowhere unless shown in full. */
const NAMES = /三丰|四海|建国/;
const leaks = (output: unknown) => NAMES.test(JSON.stringify(output));

const dispute = {
  foundOn: '2026-06-01',
  source: '排查',
  disputeType: '邻里',
  parties: '张三丰、李四海',
  severity: '轻微',
  summary: '张三丰与邻居李四海因宅基地滴水发生争执',
  mediator: '王调解',
};
const agreement = {
  signedOn: '2026-06-05',
  agreementNumber: '北调字〔2026〕第9号',
  parties: '申请人：张三丰\n被申请人：李四海',
  facts: '张三丰与李四海因宅基地滴水发生争执。',
  disputedMatters: '李四海家排水沟的走向。',
  responsibilities: '李四海翻建房屋未留排水，负主要责任。',
  rightsAndObligations: '一、李四海加装接水槽；二、张三丰不再追究。',
  performance: '李四海于2026年6月20日前完成。',
  mediator: '王调解',
  committee: '北固献村人民调解委员会',
};
const FREE_TEXT = ['facts', 'disputedMatters', 'responsibilities', 'rightsAndObligations', 'performance'];

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  callers.village = await callerAt('a_cun0101', now);
  callers.township = await callerAt('a_zhen01', now);
  callers.county = await callerAt('a_staff', now);
});
afterAll(async () => {
  await database?.drop();
});

describe('dispute and mediation registers above the keeping village', () => {
  let disputeId = '';
  let fileId = '';
  beforeAll(async () => {
    ({ id: disputeId } = await callers.village.registers.create({ register: 'disputes', values: dispute }));
    ({ id: fileId } = await callers.village.registers.create({ register: 'mediation_files', values: agreement }));
  });

  it('the keeping village reads the free text in full', async () => {
    const row = await callers.village.registers.get({ register: 'disputes', id: disputeId });
    expect(row.values.summary).toBe(dispute.summary);
    expect(row.hidden).toEqual([]);
    const doc = await callers.village.mediation.get({ id: fileId });
    expect(doc).toMatchObject({
      facts: agreement.facts,
      rightsAndObligations: agreement.rightsAndObligations,
      hidden: [],
      printable: true,
    });
    const exported = (await callers.village.registers.exportRows({ register: 'mediation_files' })).rows;
    expect(exported[0]!.values).toMatchObject({ facts: agreement.facts, performance: agreement.performance });
  });

  it('the township and the county get no free text naming a party: list, get, export and agreement page', async () => {
    for (const reader of [callers.township, callers.county]) {
      const list = await reader.registers.list({ register: 'disputes' });
      const listed = list.rows.find((row) => row.id === disputeId)!;
      expect(listed).toMatchObject({ own: false, masked: true, hidden: ['summary'] });
      expect(listed.values.summary).toBeNull();
      expect(leaks(list)).toBe(false);

      const got = await reader.registers.get({ register: 'disputes', id: disputeId });
      expect(got.hidden).toEqual(['summary']);
      expect(leaks(got)).toBe(false);
      expect(leaks((await reader.registers.exportRows({ register: 'disputes' })).rows)).toBe(false);

      const file = await reader.registers.get({ register: 'mediation_files', id: fileId });
      expect(file.hidden.sort()).toEqual([...FREE_TEXT].sort());
      expect(leaks(file)).toBe(false);
      expect(leaks(await reader.registers.list({ register: 'mediation_files' }))).toBe(false);
      expect(leaks((await reader.registers.exportRows({ register: 'mediation_files' })).rows)).toBe(false);

      // The agreement page and the mediation list read through their own procedures: the same rule.
      const doc = await reader.mediation.get({ id: fileId });
      expect(doc).toMatchObject({
        masked: true,
        printable: false,
        facts: null,
        performance: null,
        disputedMatters: null,
      });
      expect(doc.hidden.sort()).toEqual([...FREE_TEXT].sort());
      expect(leaks(doc)).toBe(false);
      expect(leaks(await reader.mediation.list({ page: 1, pageSize: 100 }))).toBe(false);
    }
  });

  it('the parties field is masked alike on both read paths of a mediation file', async () => {
    const viaRegister = await callers.township.registers.get({ register: 'mediation_files', id: fileId });
    const viaAgreement = await callers.township.mediation.get({ id: fileId });
    const listed = (await callers.township.mediation.list({ page: 1, pageSize: 100 })).rows.find(
      (row) => row.id === fileId,
    );
    expect(viaAgreement.parties).toBe('申请人：张**\n被申请人：李**');
    expect(viaRegister.values.parties).toBe(viaAgreement.parties);
    expect(listed?.parties).toBe(viaAgreement.parties);
  });

  it('a search above the village does not look into the free text; the village itself may', async () => {
    expect((await callers.township.registers.list({ register: 'disputes', q: '滴水' })).rows).toEqual([]);
    expect((await callers.township.registers.exportRows({ register: 'disputes', q: '滴水' })).rows).toEqual([]);
    expect(
      (await callers.village.registers.list({ register: 'disputes', q: '滴水' })).rows.map((row) => row.id),
    ).toEqual([disputeId]);
  });

  it('an audited reveal shows the free text to the unit above', async () => {
    const revealed = await callers.township.registers.reveal({ register: 'disputes', id: disputeId });
    expect(revealed).toMatchObject({ parties: '张三丰、李四海', summary: dispute.summary });
    const file = await callers.county.mediation.reveal({ id: fileId });
    expect(file).toMatchObject({
      parties: agreement.parties,
      facts: agreement.facts,
      rightsAndObligations: agreement.rightsAndObligations,
      performance: agreement.performance,
    });
    const audit = await database.owner.db.select().from(schema.auditLog).where(eq(schema.auditLog.countyId, 1));
    expect(
      audit.filter((row) => row.action === 'registers.reveal').map((row) => [row.actorLogin, row.objectId]),
    ).toEqual([['a_zhen01', disputeId]]);
    expect(
      audit.filter((row) => row.action === 'mediation.reveal').map((row) => [row.actorLogin, row.objectId]),
    ).toEqual([['a_staff', fileId]]);
  });
});

describe('petition case summary', () => {
  const intake = {
    receivedAt: '2026-06-01T09:30:00+08:00',
    channel: 'visit' as const,
    peopleCount: 1,
    category: 'land_requisition' as const,
    summary: '李建国反映其承包地被征用后补偿款未到位',
    petitionerName: '李建国',
  };

  it('is in full at the handling village, hidden above it in list, get and export, and shown on an audited reveal', async () => {
    const { id } = await callers.village.cases.register(intake);
    expect(await callers.village.cases.get({ id })).toMatchObject({ summary: intake.summary, hidden: [] });
    expect((await callers.village.cases.exportRows({})).find((row) => row.id === id)).toMatchObject({
      summary: intake.summary,
    });

    const list = await callers.county.cases.list({ page: 1, pageSize: 100 });
    expect(list.rows.find((row) => row.id === id)).toMatchObject({ summary: null, hidden: ['summary'], masked: true });
    expect(leaks(list)).toBe(false);
    const got = await callers.county.cases.get({ id });
    expect(got).toMatchObject({ summary: null, hidden: ['summary'] });
    expect(leaks(got)).toBe(false);
    const exported = await callers.township.cases.exportRows({});
    expect(exported.find((row) => row.id === id)).toMatchObject({ summary: null });
    expect(leaks(exported)).toBe(false);

    expect(await callers.county.cases.reveal({ id })).toMatchObject({
      petitionerName: '李建国',
      summary: intake.summary,
    });
    const audit = await database.owner.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'cases.reveal'));
    expect(audit).toEqual([expect.objectContaining({ actorLogin: 'a_staff', result: 'ok' })]);
  });

  it('is shown to the unit a case is assigned to, which replies to the petitioner', async () => {
    const { id } = await callers.county.cases.register(intake);
    await callers.county.cases.transition({ id, version: 0, action: { type: 'accept' } });
    await callers.county.cases.transition({
      id,
      version: 1,
      action: { type: 'assign', unitCode: '130534100000', person: '赵科长', complexity: 'general' },
    });
    expect(await callers.township.cases.get({ id })).toMatchObject({ summary: intake.summary, hidden: [] });
  });

  it('is left off the supervision notice a unit above prints', async () => {
    const early = await callerAt('a_zhen01', new Date('2026-05-04T03:00:00Z'));
    const { id } = await early.cases.register({ ...intake, receivedAt: '2026-05-04T09:00:00+08:00' });
    await early.cases.transition({ id, version: 0, action: { type: 'accept' } });
    await early.cases.transition({
      id,
      version: 1,
      action: { type: 'assign', unitCode: '130534100000', person: '赵科长', complexity: 'simple' },
    });
    const notice = await callers.county.cases.notice({ id });
    expect(notice).toMatchObject({ summary: null, category: 'land_requisition' });
    expect(leaks(notice)).toBe(false);
    expect(leaks(await callers.county.cases.overdueNotices())).toBe(false);
    expect(await callers.township.cases.notice({ id })).toMatchObject({ summary: intake.summary });
  });
});

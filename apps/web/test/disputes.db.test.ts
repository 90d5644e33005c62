import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, type Database } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
// Wednesday 2026-06-10, 10:00 in Shanghai.
const now = new Date('2026-06-10T02:00:00Z');
const make = async (login: string): Promise<Caller> =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.3.3.3', now });

const V1 = '130534100201'; // a_cun0101's village
const V2 = '130534100202'; // its sibling village, same township (a_zhen01)
const T2 = '130534101000'; // the other township of county A
const B_T1 = '130535100000'; // county B

type DisputeRow = typeof schema.disputes.$inferInsert;
function dispute(countyId: number, unitCode: string, over: Partial<DisputeRow>): DisputeRow {
  return {
    countyId,
    unitCode,
    fingerprint: randomUUID(),
    createdBy: randomUUID(),
    foundOn: '2026-03-01',
    source: 'investigation',
    disputeType: 'neighbours',
    parties: '申请人：张三丰，电话13812345678；被申请人：李四',
    severity: 'minor',
    summary: '宅基地界址争议',
    mediator: '王调解',
    method: 'people',
    outcome: 'settled',
    ...over,
  };
}

/**
 * Seeded so each figure has a different answer per scope. County A, found in 2026:
 *   V1: 4 settled (satisfied, satisfied, basically, not yet revisited), 1 failed, 1 pending without a method
 *       (+1 found in 2025, +1 soft-deleted, both excluded)
 *   V2: 2 settled (not satisfied; not yet revisited, class 2)
 *   T2: 1 major settled, satisfied
 * County B: 1 settled, never counted in A.
 */
async function seed(owner: Database) {
  await owner.insert(schema.disputes).values([
    dispute(1, V1, { satisfaction: 'satisfied', revisitClass: 1, settledOn: '2026-03-10' }),
    dispute(1, V1, { satisfaction: 'satisfied', revisitClass: 1, settledOn: '2026-03-10', severity: 'ordinary' }),
    dispute(1, V1, { satisfaction: 'basically', revisitClass: 2, settledOn: '2026-03-10' }),
    // Settled May 1, class 1 → revisit by Jun 1: 9 days overdue on Jun 10.
    dispute(1, V1, { revisitClass: 1, settledOn: '2026-05-01', parties: '申请人：赵大海，身份证号110101199003071234' }),
    dispute(1, V1, { outcome: 'failed', severity: 'ordinary' }),
    dispute(1, V1, { outcome: 'pending', method: null, mediator: null }),
    dispute(1, V1, { foundOn: '2025-12-31', outcome: 'pending', method: null }),
    dispute(1, V1, {
      deletedAt: new Date('2026-04-01T00:00:00Z'),
      outcome: 'pending',
      method: null,
      revisitClass: 1,
      settledOn: '2026-05-01',
    }),
    dispute(1, V2, { satisfaction: 'not', revisitClass: 1, settledOn: '2026-04-01' }),
    // Settled Mar 20, class 2 → revisit by Jun 20: due in 10 days.
    dispute(1, V2, { revisitClass: 2, settledOn: '2026-03-20' }),
    dispute(1, T2, { severity: 'major', satisfaction: 'satisfied', revisitClass: 3, settledOn: '2026-02-01' }),
    dispute(2, B_T1, { revisitClass: 1, settledOn: '2026-05-01' }),
  ]);
  // Settled in V1 Jun 1, class 3 → by Dec 1: not due soon, so not listed (found in 2026 too).
  await owner
    .insert(schema.disputes)
    .values(dispute(1, V1, { foundOn: '2026-05-20', revisitClass: 3, settledOn: '2026-06-01', severity: 'major' }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  await seed(database.owner.db);
});
afterAll(async () => {
  await database?.drop();
});

const year = { from: '2026-01-01', to: '2026-12-31' };
const numbers = (line: {
  rate: { numerator: number; denominator: number; display: string };
  meets: boolean | null;
}) => [line.rate.numerator, line.rate.denominator, line.rate.display, line.meets];

describe('disputes.rates', () => {
  it('computes county-wide figures on the stated definitions, excluding deleted rows, other periods and other counties', async () => {
    const result = await (await make('a_staff')).disputes.rates(year);
    const { figures } = result;
    // 10 found in 2026 in county A (V1 6+1, V2 2, T2 1); 9 with a method.
    expect(figures.total).toBe(10);
    expect(numbers(figures.participation)).toEqual([9, 10, '90%', false]);
    // 8 settled, 1 failed, 1 pending: 8 / 9.
    expect(numbers(figures.success)).toEqual([8, 9, '89%', false]);
    // Revisited: V1 3 + V2 1 + T2 1 = 5, of which 4 satisfied or basically.
    expect(numbers(figures.satisfaction)).toEqual([4, 5, '80%', false]);
    expect(figures.bySeverity).toEqual({ minor: 6, ordinary: 2, major: 2 });
    expect(figures.byHandlingLevel).toEqual({ village: 6, township: 2, county: 2 });
    expect(result.unit).toMatchObject({ unitCode: '130534000000', scope: '130534' });
  });

  it('narrows to a unit by prefix and lists revisits overdue or due soon, masked above the handling unit', async () => {
    const township = await make('a_zhen01');
    const all = await township.disputes.rates(year);
    expect(all.figures.total).toBe(9);
    expect(all.revisits.map((r) => [r.unitCode, r.settledOn, r.revisitClass, r.dueOn, r.status, r.daysLeft])).toEqual([
      [V1, '2026-05-01', 1, '2026-06-01', 'overdue', -9],
      [V2, '2026-03-20', 2, '2026-06-20', 'due_soon', 10],
    ]);
    expect(all.revisitTotal).toBe(2);
    expect(all.revisits[0]).toMatchObject({ masked: true, parties: expect.stringMatching(/^申请人：赵\*+$/) });
    const v2 = await township.disputes.rates({ ...year, unitCode: V2 });
    expect(v2.figures.total).toBe(2);
    expect(numbers(v2.figures.satisfaction)).toEqual([0, 1, '0%', false]);
  });

  it('shows the handling village its own parties in full', async () => {
    const village = await make('a_cun0101');
    const own = await village.disputes.rates(year);
    expect(own.figures.total).toBe(7);
    expect(own.revisits).toEqual([
      expect.objectContaining({
        masked: false,
        parties: '申请人：赵大海，身份证号110101199003071234',
        status: 'overdue',
      }),
    ]);
  });

  it('refuses a unit outside the scope as not found, and a reversed period', async () => {
    const village = await make('a_cun0101');
    await expect(village.disputes.rates({ ...year, unitCode: V2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await make('a_staff')).disputes.rates({ ...year, unitCode: '130535100000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(village.disputes.rates({ from: '2026-12-31', to: '2026-01-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { issues: [{ path: ['to'], message: 'error.input.beforeFrom' }] },
    });
    await expect((await make('a_auditor')).disputes.rates(year)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reports no verdict where nothing was measured', async () => {
    const empty = await (await make('a_staff')).disputes.rates({ from: '2024-01-01', to: '2024-12-31' });
    expect(empty.figures.total).toBe(0);
    expect([empty.figures.participation.meets, empty.figures.success.meets, empty.figures.satisfaction.meets]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('mediation agreements', () => {
  const agreement = (unitCode: string, n: number, over: Partial<typeof schema.mediationFiles.$inferInsert> = {}) => ({
    countyId: unitCode.startsWith('130535') ? 2 : 1,
    unitCode,
    fingerprint: randomUUID(),
    createdBy: randomUUID(),
    agreementNumber: `甲调字〔2026〕第${n}号`,
    signedOn: `2026-05-${String((n % 28) + 1).padStart(2, '0')}`,
    parties: '申请人：张三丰，男，身份证号110101199003071234，电话13812345678\n被申请人：李四，女',
    facts: '双方因宅基地界址发生争议。',
    disputedMatters: '界址位置。',
    responsibilities: '双方均有责任。',
    rightsAndObligations: '一、以原界桩为准；二、张三丰拆除越界围墙。',
    performance: '2026年6月30日前在现场履行。',
    mediator: '王调解',
    committee: '北固献村人民调解委员会',
    ...over,
  });
  let ownId = '';

  beforeAll(async () => {
    const own = agreement(V1, 1);
    const [row] = await database.owner.db
      .insert(schema.mediationFiles)
      .values(own)
      .returning({ id: schema.mediationFiles.id });
    ownId = row!.id;
    await database.owner.db
      .insert(schema.mediationFiles)
      .values([
        ...Array.from({ length: 23 }, (_, i) => agreement(V2, i + 2)),
        agreement(V1, 90, { deletedAt: new Date('2026-05-01T00:00:00Z') }),
        agreement(B_T1, 91),
      ]);
  });

  it('gives the handling village the agreement in full and printable', async () => {
    const doc = await (await make('a_cun0101')).mediation.get({ id: ownId });
    expect(doc).toMatchObject({
      masked: false,
      printable: true,
      agreementNumber: '甲调字〔2026〕第1号',
      parties: expect.stringContaining('110101199003071234'),
      unitName: expect.any(String),
    });
  });

  it('masks the parties for the township and the county, and offers no print', async () => {
    for (const login of ['a_zhen01', 'a_staff', 'a_admin']) {
      const doc = await (await make(login)).mediation.get({ id: ownId });
      // The facts and terms are withheld whole (§8 for free text; see free-text-masking.db.test.ts).
      expect(doc).toMatchObject({ masked: true, printable: false, facts: null });
      expect(doc.parties).not.toMatch(/\d|三丰|李四/);
      expect(doc.parties?.split('\n')).toEqual([expect.stringMatching(/^申请人：张\*+$/), '被申请人：李***']);
    }
  });

  it('reveals the parties to a unit above only on request, and audits it', async () => {
    const township = await make('a_zhen01');
    expect(await township.mediation.reveal({ id: ownId })).toMatchObject({
      parties: expect.stringContaining('110101199003071234'),
      facts: '双方因宅基地界址发生争议。',
    });
    await expect((await make('a_cun0201')).mediation.reveal({ id: ownId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const audits = await database.owner.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'mediation.reveal'));
    expect(audits).toEqual([
      expect.objectContaining({ actorLogin: 'a_zhen01', objectId: ownId, result: 'ok', ip: '10.3.3.3' }),
    ]);
  });

  it('hides agreements outside the scope and deleted ones', async () => {
    await expect((await make('a_cun0201')).mediation.get({ id: ownId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await make('b_admin')).mediation.get({ id: ownId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await make('a_secadmin')).mediation.get({ id: ownId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lists by pages on the server, newest first, in scope only', async () => {
    const township = await make('a_zhen01');
    const first = await township.mediation.list({ page: 1, pageSize: 20 });
    const second = await township.mediation.list({ page: 2, pageSize: 20 });
    expect(first.total).toBe(24);
    expect(first.rows).toHaveLength(20);
    expect(second.rows).toHaveLength(4);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(24);
    const dates = first.rows.map((r) => r.signedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(first.rows.every((r) => r.masked)).toBe(true);
    const village = await (await make('a_cun0101')).mediation.list({ page: 1, pageSize: 20 });
    expect(village.rows.map((r) => [r.id, r.masked])).toEqual([[ownId, false]]);
  });
});

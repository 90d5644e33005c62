import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
const callers = {} as Record<'village' | 'sibling' | 'township' | 'county' | 'otherCounty', Caller>;
const now = new Date('2026-11-23T02:00:00Z');
const dispute = (overrides: Record<string, string> = {}) => ({
  foundOn: '2026-11-02',
  source: '排查',
  disputeType: '邻里',
  parties: '张三、李四',
  partyIdNumber: '11010519491231002X',
  partyPhone: '13812345678',
  severity: '轻微',
  summary: '宅基地边界',
  ...overrides,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  const make = async (login: string) =>
    createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.1.1.1', now });
  callers.village = await make('a_cun0101');
  callers.sibling = await make('a_cun0102');
  callers.township = await make('a_zhen01');
  callers.county = await make('a_staff');
  callers.otherCounty = await make('b_staff');
});
afterAll(async () => {
  await database?.drop();
});

describe('a village keeps its register; the township and county read it', () => {
  let id = '';
  it('the village adds a dispute typed in the way clerks write it', async () => {
    ({ id } = await callers.village.registers.create({
      register: 'disputes',
      values: dispute({ foundOn: '2026年11月2日', revisitClass: '二类' }),
    }));
    const row = await callers.village.registers.get({ register: 'disputes', id });
    expect(row).toMatchObject({ own: true, masked: false, unitCode: '130534100201' });
    expect(row.values).toMatchObject({
      foundOn: '2026-11-02',
      source: 'investigation',
      disputeType: 'neighbours',
      revisitClass: 2,
      outcome: 'pending',
      parties: '张三、李四',
    });
  });

  it('above the village, parties, ID number and phone are masked, the summary withheld, and revealing them is audited', async () => {
    const row = await callers.township.registers.get({ register: 'disputes', id });
    expect(row).toMatchObject({ own: false, masked: true, hidden: ['summary'] });
    expect(row.values).toMatchObject({
      parties: '张*、李*',
      partyIdNumber: '110105********002X',
      partyPhone: '138****5678',
      summary: null,
    });
    expect(await callers.county.registers.reveal({ register: 'disputes', id })).toEqual({
      parties: '张三、李四',
      partyIdNumber: '11010519491231002X',
      partyPhone: '13812345678',
      summary: '宅基地边界',
    });
    const audit = await database.owner.db.execute(
      sql`select action, object_id from audit_log where action = 'registers.reveal'`,
    );
    expect(audit.map((r) => r.object_id)).toEqual([id]);
  });

  it('a sibling village and another county do not see it at all', async () => {
    await expect(callers.sibling.registers.get({ register: 'disputes', id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(callers.otherCounty.registers.get({ register: 'disputes', id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await callers.otherCounty.registers.list({ register: 'disputes' })).total).toBe(0);
  });

  it('the township may not change or delete the village row', async () => {
    const { updatedAt } = await callers.village.registers.get({ register: 'disputes', id });
    await expect(
      callers.township.registers.update({ register: 'disputes', id, updatedAt, values: dispute({ summary: '改' }) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.register.notOwnUnit' });
    await expect(callers.township.registers.remove({ register: 'disputes', id, updatedAt })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses bad input naming each field in Chinese, and writes nothing', async () => {
    const before = (await callers.village.registers.list({ register: 'disputes' })).total;
    const error = await callers.village.registers
      .create({
        register: 'disputes',
        values: dispute({ foundOn: '2026-02-30', partyIdNumber: '110105194912310021', severity: '很大' }),
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'error.domain' });
    const zh = (error as { params: { zh: string } }).params.zh;
    expect(zh).toContain('「排查日期」：无法识别的日期“2026-02-30”');
    expect(zh).toContain('「身份证号」');
    expect(zh).toContain('「纠纷等级」：“很大”不是有效选项');
    expect((await callers.village.registers.list({ register: 'disputes' })).total).toBe(before);
  });

  it('refuses the same record twice in one unit, as an import would skip it', async () => {
    await expect(
      callers.village.registers.create({
        register: 'disputes',
        values: dispute({ foundOn: '2026/11/2', revisitClass: '2' }),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'error.register.duplicate' });
    // The same record at the sibling village is its own.
    await expect(callers.sibling.registers.create({ register: 'disputes', values: dispute() })).resolves.toHaveProperty(
      'id',
    );
  });

  it('edits with a version check, and audits field names without their values', async () => {
    const { updatedAt } = await callers.village.registers.get({ register: 'disputes', id });
    await callers.village.registers.update({
      register: 'disputes',
      id,
      updatedAt,
      values: dispute({ outcome: '调解成功', settledOn: '2026-11-10', method: '人民调解', revisitClass: '1' }),
    });
    const row = await callers.village.registers.get({ register: 'disputes', id });
    expect(row.values).toMatchObject({
      outcome: 'settled',
      settledOn: '2026-11-10',
      method: 'people',
      revisitClass: 1,
    });
    await expect(
      callers.village.registers.update({ register: 'disputes', id, updatedAt, values: dispute() }),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'error.register.stale' });
    const [audit] = await database.owner.db.execute(
      sql`select detail from audit_log where action = 'registers.update' and object_id = ${id}`,
    );
    expect((audit!.detail as { changed: string[] }).changed.sort()).toEqual(
      ['method', 'outcome', 'revisitClass', 'settledOn'].sort(),
    );
    expect(JSON.stringify(audit!.detail)).not.toContain('张三');
  });

  it('deletes softly: gone from lists, still on file, audited', async () => {
    const { updatedAt } = await callers.village.registers.get({ register: 'disputes', id });
    await callers.village.registers.remove({ register: 'disputes', id, updatedAt, reason: '重复登记' });
    await expect(callers.village.registers.get({ register: 'disputes', id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await callers.township.registers.list({ register: 'disputes' })).rows.map((r) => r.id)).not.toContain(id);
    const [kept] = await database.owner.db.execute(sql`select deleted_at from disputes where id = ${id}`);
    expect(kept!.deleted_at).not.toBeNull();
    const [audit] = await database.owner.db.execute(
      sql`select detail from audit_log where action = 'registers.remove' and object_id = ${id}`,
    );
    expect(audit!.detail).toEqual({ reason: '重复登记' });
  });
});

describe('lists', () => {
  const ids: string[] = [];
  beforeAll(async () => {
    // 47 meetings over 10 days, several per day, so pages break inside a day.
    for (let i = 0; i < 47; i++) {
      const day = String(1 + (i % 10)).padStart(2, '0');
      const created = await callers.village.registers.create({
        register: 'meetings',
        values: {
          heldOn: `2026-10-${day}`,
          kind: i % 3 === 0 ? '联席会议' : '主任例会',
          topic: `第${i}次会议${i === 7 ? ' 秸秆禁烧' : ''}`,
          attendees: '王建国、李明',
        },
      });
      ids.push(created.id);
    }
  });

  it('walks every row exactly once forwards and backwards, newest first', async () => {
    const seen: string[] = [];
    const dates: string[] = [];
    let page = await callers.township.registers.list({ register: 'meetings', pageSize: 10 });
    expect(page.total).toBe(47);
    expect(page.previous).toBeNull();
    const pages = [page];
    for (;;) {
      seen.push(...page.rows.map((r) => r.id));
      dates.push(...page.rows.map((r) => String(r.values.heldOn)));
      if (!page.next) break;
      page = await callers.township.registers.list({ register: 'meetings', pageSize: 10, cursor: page.next });
      pages.push(page);
    }
    expect(seen.sort()).toEqual([...ids].sort());
    expect(dates).toEqual([...dates].sort().reverse());
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 10, 10, 7]);
    // Back from the last page, each previous page equals the one seen going forward.
    let back = pages.at(-1)!;
    for (let index = pages.length - 2; index >= 0; index--) {
      back = await callers.township.registers.list({ register: 'meetings', pageSize: 10, cursor: back.previous! });
      expect(back.rows.map((r) => r.id)).toEqual(pages[index]!.rows.map((r) => r.id));
    }
    expect(back.previous).toBeNull();
  });

  it('filters by date range, enum value, keyword and unit', async () => {
    const range = await callers.county.registers.list({ register: 'meetings', from: '2026-10-03', to: '2026-10-04' });
    expect(range.total).toBe(10);
    const joint = await callers.county.registers.list({ register: 'meetings', filters: { kind: 'joint' } });
    expect(joint.total).toBe(16);
    expect((await callers.county.registers.list({ register: 'meetings', q: '秸秆' })).rows.map((r) => r.id)).toEqual([
      ids[7],
    ]);
    expect((await callers.county.registers.list({ register: 'meetings', q: '100%' })).total).toBe(0);
    expect((await callers.county.registers.list({ register: 'meetings', unitCode: '130534100202' })).total).toBe(0);
    expect((await callers.county.registers.list({ register: 'meetings', unitCode: '130534100000' })).total).toBe(47);
    await expect(
      callers.county.registers.list({ register: 'meetings', filters: { attendees: 'x' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      callers.county.registers.list({ register: 'meetings', filters: { kind: 'party' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      callers.township.registers.list({ register: 'meetings', unitCode: '130534101000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts each register in scope', async () => {
    const counts = await callers.township.registers.overview();
    expect(counts.meetings).toBe(47);
    expect(Object.keys(counts).sort()).toEqual([
      'disputes',
      'duty_logs',
      'hazard_checks',
      'info_submissions',
      'investigation_rounds',
      'mediation_files',
      'meetings',
      'publicity_records',
    ]);
  });
});

describe('export rows', () => {
  it('carries personal data only for rows of the exporting unit, and is audited', async () => {
    await callers.village.registers.create({
      register: 'disputes',
      values: dispute({ summary: '导出测试', parties: '王五', mediator: '导出调解员' }),
    });
    const own = (await callers.village.registers.exportRows({ register: 'disputes', q: '导出调解员' })).rows;
    expect(own.map((r) => [r.values.parties, r.values.summary])).toEqual([['王五', '导出测试']]);
    const above = (await callers.township.registers.exportRows({ register: 'disputes', q: '导出调解员' })).rows;
    expect(above).toHaveLength(1);
    expect(above[0]!.values).toMatchObject({
      parties: null,
      partyIdNumber: null,
      partyPhone: null,
      summary: null,
      mediator: '导出调解员',
    });
    const audit = await database.owner.db.execute(
      sql`select actor_login, detail from audit_log where action = 'registers.export' order by at`,
    );
    expect(audit.map((r) => [r.actor_login, (r.detail as { rows: number }).rows])).toEqual([
      ['a_cun0101', 1],
      ['a_zhen01', 1],
    ]);
  });

  it('pages by keyset for a streamed file: every row once, in list order, audited once', async () => {
    for (const summary of ['分页一', '分页二', '分页三']) {
      await callers.village.registers.create({
        register: 'disputes',
        values: dispute({ summary, mediator: '分页调解员' }),
      });
    }
    const before = await database.owner.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'registers.export'`,
    );
    const filters = { register: 'disputes' as const, q: '分页调解员', pageSize: 2 };
    const first = await callers.village.registers.exportRows(filters);
    expect(first.rows).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = await callers.village.registers.exportRows({ ...filters, cursor: first.next! });
    expect(second.next).toBeNull();
    const all = [...first.rows, ...second.rows].map((r) => r.values.summary);
    expect(all.toSorted()).toEqual(['分页一', '分页三', '分页二'].toSorted());
    const listed = await callers.village.registers.list({ register: 'disputes', q: '分页调解员' });
    expect(all).toEqual(listed.rows.map((r) => r.values.summary));
    const after = await database.owner.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'registers.export'`,
    );
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(1);
    // A cursor is parsed strictly; a "before" cursor is no export page.
    await expect(
      callers.village.registers.exportRows({ ...filters, cursor: first.next!.replace('after', 'before') }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@tally/db';
import { UserFacingError } from '../app/.server/errors.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import {
  createTestDatabase,
  importFixture as fixture,
  ownerRows as ownerRowsOf,
  type TestDatabase,
} from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';
import { commitAndWait } from '../../../tests/setup/import-commit.ts';

/*
 * The import path against real Postgres as the app role: preview stages rows, commit
 * writes them once, bad files write nothing, and other units cannot reach a batch.
 */
let database: TestDatabase;
const actors: Record<string, Actor> = {};
const callerOf = (login: string) =>
  createCaller({ db: database.app.db, actor: actors[login]!, ip: '127.0.0.1', now: new Date() });

const ownerRows = (text: string, ...params: unknown[]) => ownerRowsOf(database, text, ...params);

async function errorCode(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return `${(error as { code?: string }).code}:${(error as Error).message}`;
  }
  return 'ok';
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  for (const login of ['a_cun0101', 'a_cun0102', 'a_zhen01', 'a_staff', 'b_cun0101', 'a_auditor'])
    actors[login] = await actorByLogin(database.owner.db, login);
});

afterAll(async () => {
  await database?.drop();
});

describe('import: GB18030 CSV and .xlsx fixtures made by LibreOffice', () => {
  it('commits the GB18030 disputes file; the same file again adds nothing', async () => {
    const clerk = callerOf('a_cun0101');
    const { id } = await clerk.imports.preview({
      register: 'disputes',
      fileName: '纠纷.csv',
      bytes: fixture('disputes.gb18030.csv'),
    });
    const view = await clerk.imports.get({ id });
    expect(view.batch).toMatchObject({
      status: 'previewed',
      format: 'csv',
      totalRows: 3,
      validRows: 3,
      errorRows: 0,
      duplicateRows: 0,
      unitCode: '130534100201',
    });
    expect(view.existing).toBe(0);
    expect(await commitAndWait(clerk, { id })).toEqual({ inserted: 3, skipped: 0 });

    const rows = await ownerRows(
      `select unit_code, found_on::text, dispute_type, parties, party_id_number, party_phone, import_id, created_by from disputes where import_id = $1 order by found_on`,
      id,
    );
    expect(
      rows.map((r) => [r.unit_code, r.found_on, r.dispute_type, r.parties, r.party_id_number, r.party_phone]),
    ).toEqual([
      ['130534100201', '2024-03-05', 'neighbours', '张三、李四', '33010219800101123X', '13812345678'],
      ['130534100201', '2024-03-06', 'marriage_family', '王五', '330102197512124565', '0571-87654321'],
      ['130534100201', '2024-03-07', 'labour', '𠀀某某、㐀建筑公司', '11010519491231002X', null],
    ]);
    expect(rows.every((r) => r.created_by === actors.a_cun0101!.userId)).toBe(true);
    const [batch] = await ownerRows(
      `select status, inserted_count, skipped_count, file_bytes from import_batches where id = $1`,
      id,
    );
    expect(batch).toEqual({ status: 'committed', inserted_count: 3, skipped_count: 0, file_bytes: null });
    const audit = await ownerRows(
      `select action, actor_login, detail->>'inserted' as inserted from audit_log where object_id = $1 and action = 'imports.commit'`,
      id,
    );
    expect(audit).toEqual([{ action: 'imports.commit', actor_login: 'a_cun0101', inserted: '3' }]);

    // The same rows from the .xlsx copy of the sheet: already recorded, skipped.
    const again = await clerk.imports.preview({
      register: 'disputes',
      fileName: '纠纷.xlsx',
      bytes: fixture('disputes.xlsx'),
    });
    expect((await clerk.imports.get({ id: again.id })).existing).toBe(3);
    expect(await commitAndWait(clerk, { id: again.id })).toEqual({ inserted: 0, skipped: 3 });
    expect(await ownerRows(`select count(*)::int as n from disputes where unit_code = '130534100201'`)).toEqual([
      { n: 3 },
    ]);
    // And a batch commits once.
    expect(await errorCode(commitAndWait(clerk, { id }))).toBe('CONFLICT:imports.error.alreadyCommitted');
  });

  it('commits the .xlsx meetings file, with dates and enums converted', async () => {
    const clerk = callerOf('a_cun0102');
    const { id } = await clerk.imports.preview({
      register: 'meetings',
      fileName: '会议.xlsx',
      bytes: fixture('meetings.xlsx'),
    });
    expect(await commitAndWait(clerk, { id })).toEqual({ inserted: 4, skipped: 0 });
    const rows = await ownerRows(
      `select held_on::text, kind, topic, absent_count from meetings where import_id = $1 order by held_on`,
      id,
    );
    expect(rows).toEqual([
      { held_on: '2024-03-05', kind: 'director_weekly', topic: '研究信访积案化解', absent_count: 0 },
      { held_on: '2024-03-12', kind: 'director_weekly', topic: '部署两会期间维稳工作', absent_count: 0 },
      { held_on: '2024-03-28', kind: 'member_monthly', topic: '𠀀村土地纠纷排查', absent_count: 0 },
      { held_on: '2024-04-02', kind: 'joint', topic: '跨村山林纠纷\n联合调处', absent_count: 0 },
    ]);
  });

  it('converts integer-coded enums (revisit class) on the way in', async () => {
    const clerk = callerOf('a_cun0101');
    const csv = '排查日期,纠纷类型,当事人,纠纷简要情况,纠纷等级,回访类别\n2024-05-01,邻里,甲、乙,修路占地,轻微,2\n';
    const { id } = await clerk.imports.preview({
      register: 'disputes',
      fileName: 'x.csv',
      bytes: new TextEncoder().encode(csv),
    });
    const view = await clerk.imports.get({ id });
    expect(view.batch.errorRows).toBe(0);
    await commitAndWait(clerk, { id });
    const rows = await ownerRows(
      `select revisit_class, pg_typeof(revisit_class)::text as type from disputes where import_id = $1`,
      id,
    );
    expect(rows).toEqual([{ revisit_class: 2, type: 'integer' }]);
  });
});

describe('import: a file with bad rows', () => {
  it('lists every error with row and column, and writes nothing unless told to import the valid rows only', async () => {
    const clerk = callerOf('a_cun0102');
    const { id } = await clerk.imports.preview({
      register: 'disputes',
      fileName: '坏.csv',
      bytes: fixture('disputes-broken.gb18030.csv'),
    });
    const view = await clerk.imports.get({ id });
    expect(view.batch).toMatchObject({ totalRows: 6, validRows: 1, errorRows: 5 });
    expect(view.errors.map((row) => [row.rowNumber, row.errors!.map((e) => [e.column, e.zh])])).toEqual([
      [
        3,
        [['排查日期', '第 3 行「排查日期」：无法识别的日期“2024-13-01”，请使用 2024-03-05、2024/3/5 或 2024年3月5日']],
      ],
      [4, [['当事人', '第 4 行「当事人」：必填项为空']]],
      [
        5,
        [
          [
            '纠纷类型',
            '第 5 行「纠纷类型」：“吵架”不是有效选项，可选：婚姻家庭、邻里、赔偿、劳资、物业、土地、林权、征迁、其他',
          ],
        ],
      ],
      [6, [['身份证号码', '第 6 行「身份证号码」：身份证号校验位错误，请核对']]],
      [
        7,
        [
          ['排查日期', '第 7 行「排查日期」：无法识别的日期“2024-02-30”，请使用 2024-03-05、2024/3/5 或 2024年3月5日'],
          ['联系电话', '第 7 行「联系电话」：电话号码格式不正确，应为 11 位手机号或带区号的固定电话'],
        ],
      ],
    ]);
    const before = await ownerRows(`select count(*)::int as n from disputes`);
    expect(await errorCode(commitAndWait(clerk, { id }))).toBe('BAD_REQUEST:imports.error.hasErrors');
    expect(await ownerRows(`select count(*)::int as n from disputes`)).toEqual(before);
    expect(await ownerRows(`select status from import_batches where id = $1`, id)).toEqual([{ status: 'previewed' }]);

    expect(await commitAndWait(clerk, { id, acceptErrors: true })).toEqual({ inserted: 1, skipped: 0 });
  });

  it('a file-level refusal is a BAD_REQUEST with the reason in Chinese, and marks the batch failed', async () => {
    const clerk = callerOf('a_cun0101');
    const id = randomUUID();
    const refused = await clerk.imports
      .preview({ register: 'meetings', fileName: 'empty.csv', bytes: new Uint8Array(), batchId: id })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserFacingError);
    expect(refused).toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'error.domain',
      params: { zh: expect.stringContaining('empty.csv') },
    });
    const view = await clerk.imports.get({ id });
    expect(view.batch.status).toBe('failed');
    expect(view.batch.failure?.zh).toContain('empty.csv');
    // The refused file is not kept.
    expect(await ownerRows(`select file_bytes from import_batches where id = $1`, id)).toEqual([{ file_bytes: null }]);
    expect(await errorCode(commitAndWait(clerk, { id }))).toBe('BAD_REQUEST:imports.error.notCommittable');
  });

  it('a missing required column is reported once; mapping it by hand fixes the preview', async () => {
    const clerk = callerOf('a_cun0101');
    const csv = '时间,会议类型,出席\n2024-03-05,主任例会,王建国\n';
    const { id } = await clerk.imports.preview({
      register: 'meetings',
      fileName: 'm.csv',
      bytes: new TextEncoder().encode(csv),
    });
    let view = await clerk.imports.get({ id });
    expect(view.errors.flatMap((row) => row.errors!.map((e) => e.zh))).toEqual([
      '缺少必填列「参会人员」，请检查表头或手动指定列对应关系',
    ]);
    expect(view.batch.validRows).toBe(0);
    await clerk.imports.remap({ id, mapping: { 2: 'attendees' } });
    view = await clerk.imports.get({ id });
    expect(view.batch).toMatchObject({
      status: 'previewed',
      validRows: 1,
      errorRows: 0,
      mappingOverride: { 2: 'attendees' },
    });
    expect(await errorCode(clerk.imports.remap({ id, mapping: { 0: 'attendees', 2: 'attendees' } }))).toMatch(
      /^BAD_REQUEST:error.domain/,
    );
    expect((await clerk.imports.get({ id })).batch.validRows).toBe(1);
  });
});

describe('import: who may see and commit a batch', () => {
  let id = '';
  beforeAll(async () => {
    id = (
      await callerOf('a_cun0101').imports.preview({
        register: 'meetings',
        fileName: '会议.csv',
        bytes: fixture('meetings.gb18030.csv'),
      })
    ).id;
  });

  it('another county and a sibling village see nothing and cannot commit or cancel', async () => {
    for (const login of ['b_cun0101', 'a_cun0102']) {
      const other = callerOf(login);
      expect(await errorCode(other.imports.get({ id }))).toBe('NOT_FOUND:error.notFound');
      expect(await errorCode(other.imports.progress({ id }))).toBe('NOT_FOUND:error.notFound');
      expect(await errorCode(commitAndWait(other, { id }))).toBe('NOT_FOUND:error.notFound');
      expect(await errorCode(other.imports.cancel({ id }))).toBe('NOT_FOUND:error.notFound');
    }
    expect(await errorCode(callerOf('a_auditor').imports.get({ id }))).toBe('FORBIDDEN:error.forbidden');
  });

  it('the township above can look but not commit; the county the same', async () => {
    for (const login of ['a_zhen01', 'a_staff']) {
      const above = callerOf(login);
      const view = await above.imports.get({ id });
      expect(view.mine).toBe(false);
      expect(view.batch.validRows).toBe(4);
      expect(await errorCode(commitAndWait(above, { id }))).toBe('NOT_FOUND:error.notFound');
    }
    expect(await ownerRows(`select status from import_batches where id = $1`, id)).toEqual([{ status: 'previewed' }]);
  });

  it('two commits at once insert the rows once', async () => {
    const clerk = callerOf('a_cun0101');
    const results = await Promise.allSettled([
      commitAndWait(clerk, { id }),
      commitAndWait(callerOf('a_cun0101'), { id }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    expect(fulfilled).toHaveLength(1);
    expect((fulfilled[0] as PromiseFulfilledResult<{ inserted: number }>).value.inserted).toBe(4);
    expect(await ownerRows(`select count(*)::int as n from meetings where import_id = $1`, id)).toEqual([{ n: 4 }]);
  });
});

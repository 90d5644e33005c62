import { idCheckCharacter } from '@tally/casework';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@tally/db';
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
 * Petition ledgers (信访登记) through the import path, on real Postgres as the app role:
 * each valid row becomes a case through the same intake as the form, numbered without
 * gaps in the commit's transaction, once; personal data stays masked above the unit.
 * The fixture is GB18030 CSV written by LibreOffice (packages/imports/test/fixtures/make-fixtures.sh).
 */
let database: TestDatabase;
const actors: Record<string, Actor> = {};
const callerOf = (login: string) =>
  createCaller({ db: database.app.db, actor: actors[login]!, ip: '127.0.0.1', now: new Date() });

const ownerRows = (text: string, ...params: unknown[]) => ownerRowsOf(database, text, ...params);
const lastNumber = async () =>
  (await ownerRows(`select coalesce(max(last_number), 0)::int as n from case_counters where year = 2024`))[0]!
    .n as number;

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  for (const login of ['a_cun0101', 'a_zhen01']) actors[login] = await actorByLogin(database.owner.db, login);
});

afterAll(async () => {
  await database?.drop();
});

describe('petition import', () => {
  let firstBatch = '';

  it('previews the GB18030 ledger: a wrong ID check digit is named by row and column', async () => {
    const clerk = callerOf('a_cun0101');
    const { id } = await clerk.imports.preview({
      register: 'petitions',
      fileName: '信访登记.csv',
      bytes: fixture('petitions.gb18030.csv'),
    });
    firstBatch = id;
    const view = await clerk.imports.get({ id });
    expect(view.batch).toMatchObject({
      status: 'previewed',
      format: 'csv',
      totalRows: 4,
      validRows: 3,
      errorRows: 1,
      duplicateRows: 0,
    });
    expect(view.errors).toHaveLength(1);
    expect(view.errors[0]!.rowNumber).toBe(4);
    expect(view.errors[0]!.errors).toEqual([
      expect.objectContaining({
        column: '身份证号',
        field: 'petitionerIdNumber',
        zh: expect.stringContaining('校验位错误'),
      }),
    ]);
    // Errors block the commit until the clerk chooses to import the valid rows only.
    await expect(commitAndWait(clerk, { id })).rejects.toThrow();
  });

  it('commits one registered case per valid row, numbered in sequence, with its transition', async () => {
    const before = await lastNumber();
    expect(await commitAndWait(callerOf('a_cun0101'), { id: firstBatch, acceptErrors: true })).toEqual({
      inserted: 3,
      skipped: 0,
    });
    const cases = await ownerRows(
      `select case_number, status, unit_code, registered_unit_code, channel, category, people_count, person_times, skip_level, repeat_petition,
              petitioner_name, petitioner_id_number, petitioner_phone, to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as received_at, import_id, import_fingerprint is not null as fingerprinted
       from petition_cases where import_id = $1 order by case_number`,
      firstBatch,
    );
    expect(cases.map((c) => c.case_number)).toEqual(
      [1, 2, 3].map((n) => `130534-2024-${String(before + n).padStart(6, '0')}`),
    );
    expect(
      cases.map((c) => [
        c.channel,
        c.category,
        c.people_count,
        c.person_times,
        c.skip_level,
        c.repeat_petition,
        c.petitioner_name,
      ]),
    ).toEqual([
      ['visit', 'land_requisition', 6, 6, false, false, '张三'],
      ['letter', 'migrant_wages', 1, 1, true, false, '李四'],
      ['reception_day', 'village_finances', 2, 2, false, false, '赵六'],
    ]);
    expect(
      cases.every(
        (c) =>
          c.status === 'registered' &&
          c.unit_code === '130534100201' &&
          c.registered_unit_code === '130534100201' &&
          c.fingerprinted,
      ),
    ).toBe(true);
    expect(cases[0]!.petitioner_id_number).toBe('130534198001011235');
    expect(cases[1]!.petitioner_phone).toBe('0311-87654321');
    expect(cases[0]!.received_at).toBe('2024-03-04T16:00'); // 2024-03-05 00:00 in China
    const transitions = await ownerRows(
      `select action, to_status from case_transitions t join petition_cases c on c.county_id = t.county_id and c.id = t.case_id where c.import_id = $1`,
      firstBatch,
    );
    expect(transitions).toEqual(Array.from({ length: 3 }, () => ({ action: 'register', to_status: 'registered' })));
    expect(await lastNumber()).toBe(before + 3);
  });

  it('the same ledger again adds nothing and uses no number', async () => {
    const clerk = callerOf('a_cun0101');
    const before = await lastNumber();
    const { id } = await clerk.imports.preview({
      register: 'petitions',
      fileName: '信访登记.csv',
      bytes: fixture('petitions.gb18030.csv'),
    });
    expect((await clerk.imports.get({ id })).existing).toBe(3);
    expect(await commitAndWait(clerk, { id, acceptErrors: true })).toEqual({ inserted: 0, skipped: 3 });
    expect(await lastNumber()).toBe(before);
    expect(
      (
        await ownerRows(
          `select count(*)::int as n from petition_cases where registered_unit_code = '130534100201' and import_fingerprint is not null`,
        )
      )[0]!.n,
    ).toBe(3);
  });

  it('a commit that fails part-way registers nothing and gives every number back', async () => {
    const clerk = callerOf('a_cun0101');
    const csv =
      '登记日期,信访方式,信访人,问题类别,主要诉求\n2024-05-01,来电,孙七,教育,学校收费问题\n2024-05-02,来电,周八,环保,工厂噪音扰民\n';
    const { id } = await clerk.imports.preview({
      register: 'petitions',
      fileName: 'x.csv',
      bytes: new TextEncoder().encode(csv),
    });
    // Corrupt the last staged row behind the app's back: intake refuses it after the first case was numbered.
    await ownerRows(
      `update import_rows set values = jsonb_set(values, '{channel}', '"pigeon"') where batch_id = $1 and row_number = 3`,
      id,
    );
    const before = await lastNumber();
    await expect(commitAndWait(clerk, { id })).rejects.toThrow();
    expect(await lastNumber()).toBe(before);
    expect(await ownerRows(`select 1 from petition_cases where import_id = $1`, id)).toEqual([]);
    expect((await clerk.imports.get({ id })).batch.status).toBe('previewed');
  });

  it('a birth date after today is refused at the preview, by row and column, as intake would refuse it', async () => {
    const clerk = callerOf('a_cun0101');
    const future = `13053420990101123${idCheckCharacter('13053420990101123')}`;
    const csv = `登记日期,信访方式,信访人,身份证号,问题类别,主要诉求\n2024-06-01,来电,吴九,,教育,校车安全\n2024-06-02,来电,郑十,${future},教育,校车接送\n`;
    const { id } = await clerk.imports.preview({
      register: 'petitions',
      fileName: 'future.csv',
      bytes: new TextEncoder().encode(csv),
    });
    const view = await clerk.imports.get({ id });
    expect(view.batch.errorRows).toBe(1);
    expect(view.errors[0]).toMatchObject({
      rowNumber: 3,
      errors: [
        { column: '身份证号', field: 'petitionerIdNumber', zh: '第 3 行「身份证号」：身份证号中的出生日期无效' },
      ],
    });
  });

  it('personal data stays masked for the township above the village', async () => {
    const township = callerOf('a_zhen01');
    const list = await township.cases.list({ page: 1, pageSize: 50 });
    const imported = list.rows.filter((row) => row.unitCode === '130534100201' && row.category === 'land_requisition');
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ masked: true, summary: null, hidden: ['summary'] });
    expect(imported[0]!.petitionerName).not.toBe('张三');
    expect(imported[0]!.petitionerIdNumber).toMatch(/^130534\*+1235$/);

    // The village's batch, opened from above: staged personal values are masked too.
    const clerk = callerOf('a_cun0101');
    const { id } = await clerk.imports.preview({
      register: 'petitions',
      fileName: '信访登记.csv',
      bytes: fixture('petitions.gb18030.csv'),
    });
    const own = await clerk.imports.get({ id });
    const above = await township.imports.get({ id });
    expect(own.existingRows[0]!.values.petitionerIdNumber).toBe('130534198001011235');
    expect(above.mine).toBe(false);
    expect(above.existingRows[0]!.values.petitionerIdNumber).not.toBe('130534198001011235');
    expect(above.existingRows[0]!.values.petitionerName).not.toBe('张三');
    // The petitioner's story is withheld whole, not masked: it names people in words no mask finds.
    expect(own.existingRows[0]).toMatchObject({ hidden: [], values: { summary: '征地补偿款未按时发放' } });
    expect(above.existingRows[0]).toMatchObject({ hidden: ['summary'], values: { summary: null } });
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRefusal } from '../app/.server/assessment-inputs/import-refusal.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

let database: TestDatabase;
type Caller = ReturnType<typeof createCaller>;
// Wednesday 2026-06-10, 10:00 in Shanghai.
const now = new Date('2026-06-10T02:00:00Z');
const make = async (login: string): Promise<Caller> =>
  createCaller({ db: database.app.db, actor: await actorByLogin(database.owner.db, login), ip: '10.5.5.5', now });

const V1 = '130534100201';
const V2 = '130534100202';
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/score-sheets/${name}`, import.meta.url)));
const csv = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
});
afterAll(async () => {
  await database?.drop();
});

const scoreRows = async () =>
  ownerRows(
    database,
    'select unit_code, component, period_no, score, version, reason from inspection_scores order by unit_code, component, period_no, version',
  );

/** The refusal's rows as [row, column, Chinese message]. */
async function refusal(work: Promise<unknown>): Promise<Array<[number, string, string]>> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ImportRefusal)) throw new Error(`expected an ImportRefusal, got ${String(error)}`);
  return error.rowErrors.map((row) => [row.row, row.column, row.zh]);
}

describe('checks.importInspections', () => {
  it('refuses a sheet with any wrong row as a whole, naming each row and column', async () => {
    const township = await make('a_zhen01');
    const errors = await refusal(
      township.checks.importInspections({
        fileName: 'township-2026-broken.xlsx',
        bytes: fixture('township-2026-broken.xlsx'),
      }),
    );
    expect(errors.map(([row, column]) => [row, column])).toEqual([
      [2, '月份'],
      [3, '单位代码'],
      [4, '得分'],
      [6, '得分'],
      [7, '检查类别'],
      [8, '得分'],
    ]);
    expect(errors[0]![2]).toContain('1–12');
    expect(errors[1]![2]).toContain('不是本单位直接下辖的单位');
    expect(errors[3]![2]).toContain('与第 5 行是同一单位同一期次');
    expect(await scoreRows()).toEqual([]);
  });

  it('enters a clean sheet in one go: months written as numbers, text and Excel dates, years with 年', async () => {
    const township = await make('a_zhen01');
    const result = await township.checks.importInspections({
      fileName: 'township-2026.xlsx',
      bytes: fixture('township-2026.xlsx'),
    });
    expect(result).toEqual({
      fileName: 'township-2026.xlsx',
      entered: 4,
      corrected: 0,
      unchanged: 0,
      duplicateRows: 0,
    });
    expect(
      (await scoreRows()).map((row) => [row.unit_code, row.component, row.period_no, row.score, row.version]),
    ).toEqual([
      [V1, 'routine', 1, '85.00', 1],
      [V1, 'routine', 2, '86.50', 1],
      [V2, 'half-year', 1, '88.00', 1],
      [V2, 'routine', 3, '90.25', 1],
    ]);
    const audit = await ownerRows(
      database,
      `select action, detail from audit_log where action like 'checks.%' order by at, id`,
    );
    expect(audit.filter((row) => row.action === 'checks.enterInspection')).toHaveLength(4);
    expect(audit.find((row) => row.action === 'checks.importInspections')).toMatchObject({
      detail: { fileName: 'township-2026.xlsx', entered: 4, rows: 4 },
    });
  });

  it('leaves equal scores alone and corrects changed ones only with a reason', async () => {
    const township = await make('a_zhen01');
    const [village] = await ownerRows(database, 'select name from units where code = $1', V1);
    // By name this time, in a UTF-8 CSV; March of V1 is new, January is the same, February changes.
    const sheet = csv(
      `单位名称,年度,检查类别,月份,得分\n${village!.name},2026,例行检查,1,85\n${village!.name},2026,例行检查,2,88\n${village!.name},2026,例行检查,3,91\n`,
    );
    const errors = await refusal(township.checks.importInspections({ fileName: 'fix.csv', bytes: sheet }));
    expect(errors).toEqual([[3, '得分', expect.stringContaining('已有得分 86.50（第 1 版），更正须填写更正原因')]]);
    expect((await scoreRows()).filter((row) => row.unit_code === V1)).toHaveLength(2);

    const result = await township.checks.importInspections({
      fileName: 'fix.csv',
      bytes: sheet,
      reason: '按复核结果更正',
    });
    expect(result).toMatchObject({ entered: 1, corrected: 1, unchanged: 1 });
    expect(
      (await scoreRows())
        .filter((row) => row.unit_code === V1)
        .map((row) => [row.period_no, row.score, row.version, row.reason]),
    ).toEqual([
      [1, '85.00', 1, null],
      [2, '86.50', 1, null],
      [2, '88.00', 2, '按复核结果更正'],
      [3, '91.00', 1, null],
    ]);
  });

  it('refuses what the sheet may not say: its own unit, months not begun, no unit column, and keeps the role rule', async () => {
    const township = await make('a_zhen01');
    const before = await scoreRows();
    expect(
      await refusal(
        township.checks.importInspections({
          fileName: 'self.csv',
          bytes: csv('单位代码,年度,检查类别,月份,得分\n130534100000,2026,例行检查,1,90\n'),
        }),
      ),
    ).toEqual([[2, '单位代码', expect.stringContaining('不是本单位直接下辖的单位')]]);
    expect(
      await refusal(
        township.checks.importInspections({
          fileName: 'july.csv',
          bytes: csv(`单位代码,年度,检查类别,月份,得分\n${V2},2026,例行检查,7,90\n`),
        }),
      ),
    ).toEqual([[2, '月份', expect.stringContaining('尚未开始')]]);
    expect(
      await refusal(
        township.checks.importInspections({
          fileName: 'nounit.csv',
          bytes: csv('年度,检查类别,月份,得分\n2026,例行检查,1,90\n'),
        }),
      ),
    ).toEqual([[1, '', expect.stringContaining('单位代码')]]);
    await expect(township.checks.importInspections({ fileName: 'empty.csv', bytes: csv('') })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'error.domain',
    });
    await expect(
      (await make('a_cun0101')).checks.importInspections({
        fileName: 'x.csv',
        bytes: csv('单位代码,年度,检查类别,月份,得分\n'),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', messageKey: 'error.forbidden' });
    // The county imports townships, never a township's villages.
    expect(
      await refusal(
        (await make('a_staff')).checks.importInspections({
          fileName: 'county.csv',
          bytes: csv(`单位代码,年度,检查类别,月份,得分\n${V1},2026,例行检查,1,90\n`),
        }),
      ),
    ).toEqual([[2, '单位代码', expect.stringContaining('不是本单位直接下辖的单位')]]);
    expect(await scoreRows()).toEqual(before);
  });
});

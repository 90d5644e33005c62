import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@tally/db';
import { handleUpload, type UploadOutcome } from '../app/.server/imports/handle-upload.ts';
import type { ImportKey } from '../app/.server/imports/import-registers.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import { makeZip } from '../../../packages/imports/test/support/make-zip.ts';
import {
  createTestDatabase,
  importFixture as fixture,
  ownerRows as ownerRowsOf,
  type TestDatabase,
} from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * Security review, issue 8: hostile files through the upload service the routes call
 * (handleUpload: multipart → preview), against real Postgres as the app role. Each is a
 * refusal with a Chinese message (the routes answer it with 400), never a thrown error
 * (a 500); personal values never reach a stored or shown message; a NUL byte is a row error.
 */
let database: TestDatabase;
const actors: Record<string, Actor> = {};
const callerOf = (login: string) =>
  createCaller({ db: database.app.db, actor: actors[login]!, ip: '127.0.0.1', now: new Date() });
const ownerRows = (text: string, ...params: unknown[]) => ownerRowsOf(database, text, ...params);

function upload(
  fileName: string,
  bytes: Uint8Array,
  register: ImportKey = 'disputes',
  login = 'a_cun0101',
): Promise<UploadOutcome> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(bytes)]), fileName);
  const request = new Request(`http://tally.test/registers/${register}/import`, { method: 'POST', body: form });
  return handleUpload(request, callerOf(login), register);
}

const CHINESE = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  for (const login of ['a_cun0101', 'a_zhen01', 'a_staff'])
    actors[login] = await actorByLogin(database.owner.db, login);
});

afterAll(async () => {
  await database?.drop();
});

describe('hostile files are refused with a message, not a server error', () => {
  const whole = fixture('meetings.xlsx');
  const cases: [string, string, Uint8Array][] = [
    ['random bytes named .csv', '台帐.csv', randomBytes(8192)],
    [
      'a binary named .xlsx (old .xls)',
      '台帐.xlsx',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(4096)]),
    ],
    [
      'a PNG named .xlsx',
      '台帐.xlsx',
      Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(4096)]),
    ],
    ['an empty file', '空.csv', new Uint8Array()],
    [
      'a valid zip without a workbook',
      '压缩包.xlsx',
      makeZip([{ name: 'readme.txt', data: Buffer.from('不是工作簿') }]),
    ],
    ['a truncated .xlsx', '截断.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6))],
  ];
  for (const [what, fileName, bytes] of cases) {
    it(what, async () => {
      const outcome = await upload(fileName, bytes, 'meetings');
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.messageKey).toBe('error.domain');
      expect(String(outcome.params.zh)).toMatch(CHINESE);
      expect(String(outcome.params.en)).toMatch(/[a-z]/);
    });
  }

  it('a file name with a NUL byte (percent-encoded, as RFC 5987 allows)', async () => {
    const boundary = 'tally-test-boundary';
    const body = [
      `--${boundary}`,
      `Content-Disposition: form-data; name="file"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE%00.csv`,
      'Content-Type: text/csv',
      '',
      '会议日期,会议类型,议题,主持人,参会人员',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const request = new Request('http://tally.test/registers/meetings/import', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(await handleUpload(request, callerOf('a_cun0101'), 'meetings')).toMatchObject({
      ok: false,
      messageKey: 'imports.error.badFileName',
    });
  });

  it('a file name of spaces only', async () => {
    const outcome = await upload('   ', Buffer.from('会议日期,会议类型,议题,主持人,参会人员\n'), 'meetings');
    expect(outcome).toMatchObject({ ok: false, messageKey: 'imports.error.noFile' });
  });
});

describe('row messages and cell text', () => {
  const HEADER = '排查日期,纠纷类型,当事人,身份证号码,联系电话,纠纷简要情况,纠纷等级';
  const MISTYPED_ID = '330102197512124560';
  const BAD_PHONE = '8765432';

  it('a mistyped ID and a bad phone: no stored or shown message contains the digits', async () => {
    const csv = `${HEADER}\n2024-03-05,邻里,张三,${MISTYPED_ID},${BAD_PHONE},宅基地,轻微\n`;
    const outcome = await upload('身份证.csv', Buffer.from(csv));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const stored = await ownerRows(
      `select errors::text as errors, values::text as values from import_rows where batch_id = $1`,
      outcome.id,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.errors).toContain('身份证号码');
    for (const text of [String(stored[0]!.errors), String(stored[0]!.values)]) {
      expect(text).not.toContain(MISTYPED_ID);
      expect(text).not.toContain(BAD_PHONE);
    }
    // What the batch page shows the village and the township above it, in either language.
    for (const login of ['a_cun0101', 'a_zhen01']) {
      const view = await callerOf(login).imports.get({ id: outcome.id });
      expect(view.errors.flatMap((row) => row.errors ?? []).map((e) => e.column)).toEqual(['身份证号码', '联系电话']);
      const shown = JSON.stringify(view);
      expect(shown).not.toContain(MISTYPED_ID);
      expect(shown).not.toContain(BAD_PHONE);
    }
  });

  it('a mapping value with a NUL byte is refused by the input check, not echoed back', async () => {
    const outcome = await upload('映射.csv', Buffer.from(`${HEADER}\n2024-03-05,邻里,张三,,,宅基地,轻微\n`));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const refused = await callerOf('a_cun0101')
      .imports.remap({ id: outcome.id, mapping: { 0: 'found\u0000On' } })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(JSON.stringify(refused)).not.toContain('\\u0000');
  });

  it('a NUL byte in a cell is a row error; the other rows are staged', async () => {
    const csv = `${HEADER}\n2024-03-05,邻里,张三,,,宅基\u0000地,轻微\n2024-03-06,邻里,李四,,,修路,轻微\n`;
    const outcome = await upload('空字符.csv', Buffer.from(csv));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const view = await callerOf('a_cun0101').imports.get({ id: outcome.id });
    expect(view.batch).toMatchObject({ status: 'previewed', validRows: 1, errorRows: 1 });
    expect(view.errors.map((row) => [row.rowNumber, row.errors!.map((e) => e.zh)])).toEqual([
      [2, ['第 2 行「纠纷简要情况」：含有不可见的空字符（NUL），请删除后再导入']],
    ]);
  });
});

describe('pages stay bounded', () => {
  it('a batch with thousands of header columns (stored before the column limit) shows 200 and says how many more', async () => {
    const outcome = await upload(
      '宽表.csv',
      Buffer.from('会议日期,会议类型,议题,主持人,参会人员\n2024-03-05,主任例会,议题,王建国,王建国\n'),
      'meetings',
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const wide = Array.from({ length: 5_000 }, (_, i) => `列${i}`);
    await ownerRows(`update import_batches set headers = $1::jsonb where id = $2`, JSON.stringify(wide), outcome.id);
    const view = await callerOf('a_cun0101').imports.get({ id: outcome.id });
    expect(view.batch.headers).toHaveLength(200);
    expect(view.hiddenColumns).toBe(4_800);
  });
});
